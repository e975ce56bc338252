/// <reference types="office-js" />
import { StandardLuminance, baseLayerLuminance } from "@fluentui/web-components";

/** Light or dark from a CSS colour "#rrggbb": dark when its relative luminance is below the middle. */
export function isDarkColour(colour: string | undefined): boolean | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour?.trim() ?? "");
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/**
 * Follows Office's theme (Office.context.officeTheme: the pane's background colour says light or dark); outside
 * Office, or where the host gives no theme, the system's prefers-color-scheme.
 */
export function applyTheme(root: HTMLElement = document.documentElement): "light" | "dark" {
  const officeTheme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  const fromOffice = isDarkColour(officeTheme?.bodyBackgroundColor);
  const dark = fromOffice ?? window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  const theme = dark ? "dark" : "light";
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  baseLayerLuminance.setValueFor(root, dark ? StandardLuminance.DarkMode : StandardLuminance.LightMode);
  return theme;
}

/** Re-applies the theme when the system's changes (outside Office, where no theme event exists). */
export function followTheme(): void {
  applyTheme();
  window.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", () => applyTheme());
}
