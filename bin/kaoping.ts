import { main } from "../cli/main.ts";

// exitCode, not exit(): let stdout drain (large --json output through a pipe).
process.exitCode = await main(process.argv.slice(2));
