import { z } from "zod";
import { SheetListSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
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
    query: z.object({ unit: z.string().min(1).max(200).optional(), period: z.string().min(1).max(20).optional() }),
  },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "考评表摘要，按提交时间排序", en: "Sheet summaries, oldest first" },
      schema: SheetListSchema,
    },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ query }) => ({ json: { items: await listSheets(query) } }),
});

export const sheetsList = operation.handler;
register(operation);
