import { app } from "@azure/functions";
import { z } from "zod";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { sweepOrphanBlobs } from "./store/sheets.ts";

/** How old an unindexed blob must be before it is swept: a submission in flight keeps its blob. */
export const orphanGraceMs = (): number => {
  const seconds = Number(process.env.KAOPING_ORPHAN_GRACE_SECONDS ?? "900");
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 900_000;
};

export const operation = defineOperation({
  name: "adminSweepOrphans",
  method: "POST",
  route: "admin/sweep-orphans",
  roles: ["admin"],
  summary: {
    "zh-CN": "清除无索引记录的考评表文件（提交中途存储中断留下的）",
    en: "Delete sheet blobs no committed index row points at (left by submissions the store cut short)",
  },
  description: {
    "zh-CN":
      "只删除早于 KAOPING_ORPHAN_GRACE_SECONDS（默认 900 秒）且没有索引记录的文件；在 Azure 中每 15 分钟自动运行一次。此类文件从不对读者可见。",
    en: "Deletes only blobs older than KAOPING_ORPHAN_GRACE_SECONDS (default 900 s) without an index row; in Azure a timer runs it every 15 minutes. Such blobs are never visible to readers.",
  },
  maxBodyBytes: 1024,
  request: {},
  responses: [
    {
      status: 200,
      description: { "zh-CN": "已删除的文件", en: "The blobs deleted" },
      schema: z.object({ deleted: z.array(z.string()) }),
    },
    ...COMMON_PROBLEMS,
  ],
  run: async () => ({ json: { deleted: await sweepOrphanBlobs(orphanGraceMs()) } }),
});

export const adminSweepOrphans = operation.handler;
register(operation);

// In Azure the sweep also runs by itself; the local host runs HTTP functions only.
app.timer("sweepOrphansTimer", {
  schedule: "0 */15 * * * *",
  handler: async (_timer, context) => {
    const deleted = await sweepOrphanBlobs(orphanGraceMs());
    if (deleted.length > 0) context.log(`swept ${deleted.length} orphan sheet blob(s)`);
  },
});
