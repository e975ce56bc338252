/// <reference types="office-js" />
/// <reference types="office-runtime" />
import type { HostCapabilities } from "./chooser.ts";

/** What the real Office host offers (everything false outside Office). */
export function officeHost(): HostCapabilities {
  const office = typeof Office !== "undefined" ? Office : undefined;
  return {
    isSetSupported: (name, version) => {
      try {
        return Boolean(office?.context?.requirements?.isSetSupported(name, version));
      } catch {
        return false;
      }
    },
    hasSso: typeof OfficeRuntime !== "undefined" && typeof OfficeRuntime.auth?.getAccessToken === "function",
    hasDialog: typeof office?.context?.ui?.displayDialogAsync === "function",
  };
}
