#!/usr/bin/env node
// Runs the compiled command (dist-cli/, built by scripts/setup.sh or `npm run build`): no TypeScript is
// compiled at run time, so the command starts as fast as Node does.
import { existsSync } from "node:fs";
import process from "node:process";
import { URL } from "node:url";

if (existsSync(new URL("../dist-cli/bin/kaoping.js", import.meta.url))) await import("../dist-cli/bin/kaoping.js");
else {
  process.stderr.write(
    "错误：kaoping 尚未构建，请先运行 npm run build（或 bash scripts/setup.sh）\n" +
      "Error: kaoping is not built yet: run npm run build (or bash scripts/setup.sh) first\n",
  );
  process.exitCode = 2;
}
