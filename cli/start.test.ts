import { describe, expect, it } from "vitest";
import { startCommand } from "./start.ts";

describe("kaoping start", () => {
  it("says the host is not available yet when its module is missing, as a usage error (exit 2)", async () => {
    const missing = new URL("../functions/host/no-such-host.ts", import.meta.url);
    await expect(startCommand(missing)).rejects.toMatchObject({
      exitCode: 2,
      bilingual: {
        "zh-CN": expect.stringContaining("本地服务尚不可用"),
        en: expect.stringContaining("not available yet"),
      },
    });
  });
});
