import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UsageError } from "./errors.ts";

/** `kaoping start`: runs the functions host, which another part of the package provides. */
export async function startCommand(url = new URL("../functions/host/start.ts", import.meta.url)): Promise<number> {
  // Only a missing host means "not available": errors inside it must surface as they are.
  if (!existsSync(fileURLToPath(url))) {
    throw new UsageError(
      "本地服务尚不可用（缺少 functions/host/start.ts）",
      "the local host is not available yet (functions/host/start.ts is missing)",
    );
  }
  const host = (await import(url.href)) as { main?: () => unknown };
  if (typeof host.main !== "function") {
    throw new UsageError(
      "本地服务尚不可用（functions/host/start.ts 未导出 main）",
      "the local host is not available yet (functions/host/start.ts exports no main)",
    );
  }
  await host.main();
  return 0;
}
