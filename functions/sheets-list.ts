import { z } from "zod";
import { SheetListSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { DEFAULT_PAGE, PagingQuery } from "./lib/paging.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { listSheets } from "./store/sheets.ts";

export const operation = defineOperation({
  name: "sheetsList",
  method: "GET",
  route: "sheets",
  roles: ["hr"],
  summary: {
    "zh-CN": "列出已提交的考评表（可按单位、期间筛选）",
    en: "List submitted sheets (filter by unit and period)",
  },
  request: {
    query: z.object({
      unit: z.string().min(1).max(200).optional(),
      period: z.string().min(1).max(20).optional(),
      ...PagingQuery,
    }),
  },
  responses: [
    {
      status: 200,
      description: {
        "zh-CN": "考评表摘要，按提交时间排序；有 continuationToken 时还有下一页；无法读取的损坏记录列于 skipped",
        en: "Sheet summaries, oldest first; a continuationToken means more follow; damaged rows are listed in skipped",
      },
      schema: SheetListSchema,
    },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ query }) => ({
    json: await listSheets(
      { unit: query.unit, period: query.period },
      query.limit ?? DEFAULT_PAGE,
      query.continuationToken,
    ),
  }),
});

export const sheetsList = operation.handler;
register(operation);
