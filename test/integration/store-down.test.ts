import { BlobServiceClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startStack, type Stack } from "./harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
});

describe("storage unavailable", () => {
  it("a submission that fails half-way leaves no sheet behind (table down, blob up)", async () => {
    const scored = await (
      await stack.call("assessor", "/score", {
        method: "POST",
        json: { cadres: [{ cadreId: "1", name: "甲", post: "staff" }], ballots: [] },
      })
    ).json();
    expect((await stack.call("hr", "/sheets")).status).toBe(200);
    await stack.azurite.stopService("table");
    const submit = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "u", period: "2026", result: scored },
    });
    expect(submit.status).toBe(503);
    expect(submit.headers.get("retry-after")).not.toBeNull();
    const container = BlobServiceClient.fromConnectionString(stack.connectionString).getContainerClient("sheets");
    const blobs: string[] = [];
    for await (const b of container.listBlobsFlat()) blobs.push(b.name);
    expect(blobs).toEqual([]);
  });

  it("answers 503 with Retry-After, as problem+json, once Azurite is stopped", async () => {
    // (The table service is already down from the previous test; now the blob service goes too.)
    const scored = await (
      await stack.call("assessor", "/score", {
        method: "POST",
        json: { cadres: [{ cadreId: "1", name: "甲", post: "staff" }], ballots: [] },
      })
    ).json();
    await stack.stopAzurite();

    const submit = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "u", period: "2026", result: scored },
    });
    expect(submit.status).toBe(503);
    expect(Number(submit.headers.get("retry-after"))).toBeGreaterThan(0);
    const p = await problemOf(submit);
    expect(p.message!["zh-CN"]).toContain("存储");
    expect(p.message!.en).toContain("nothing from this request was saved");

    const list = await stack.call("hr", "/sheets");
    expect(list.status).toBe(503);
    expect(list.headers.get("retry-after")).not.toBeNull();

    const health = await stack.call(null, "/health");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "degraded", storage: "unavailable" });

    // Rules need no storage and keep working.
    expect(
      (await stack.call("assessor", "/rules/quorum", { method: "POST", json: { attendees: 4, expected: 5 } })).status,
    ).toBe(200);
  });
});
