/**
 * Writes connector/apiDefinition.swagger.json from the operation descriptors (never edit it by hand):
 *   npx tsx dev/connector.ts [--host kaoping.example.cn]
 * The committed file carries the placeholder host; a tenant admin regenerates it with the app's host.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { connectorDefinition, CONNECTOR_PLACEHOLDER_HOST } from "../functions/openapi/connector.ts";
import { iconPng } from "../addin/assets/png.ts";

const args = process.argv.slice(2);
const hostAt = args.indexOf("--host");
const host = hostAt >= 0 ? args[hostAt + 1] : CONNECTOR_PLACEHOLDER_HOST;
if (!host || !/^[^{}/ :\\]+(?::\d+)?$/.test(host)) {
  console.error("--host 须为主机名，如 kaoping.example.cn | --host must be a host name, e.g. kaoping.example.cn");
  process.exit(2);
}
const target = fileURLToPath(new URL("../connector/apiDefinition.swagger.json", import.meta.url));
await writeFile(target, JSON.stringify(await connectorDefinition(host), null, 2) + "\n");
// Power Platform wants a square PNG of 100 to 230 px on the brand colour (apiProperties.json iconBrandColor).
await writeFile(fileURLToPath(new URL("../connector/icon.png", import.meta.url)), iconPng(160));
console.log(`已写入 ${target} 与 icon.png / wrote ${target} and icon.png (host ${host})`);
