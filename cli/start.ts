import { main as runDevHost } from "../dev/host/start.ts";

/** `kaoping start`: the local development stack (Azurite, the Functions host, the add-in's dev server). */
export async function startCommand(): Promise<number> {
  await runDevHost();
  return 0;
}
