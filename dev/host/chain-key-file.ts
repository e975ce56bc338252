import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Local development only: the audit chain key kept in .data/chain-key (made once, readable by this
 * user only), so the local chain keeps verifying across restarts. In Azure the key is an app
 * setting (a Key Vault reference), never a file.
 */
export function localChainKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  writeFileSync(file, key + "\n", { mode: 0o600 });
  return key;
}
