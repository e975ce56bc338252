import { z } from "zod";

/** ?limit=&continuationToken= for the list operations: pages, never everything at once. */
export const PagingQuery = {
  limit: z
    .string()
    .regex(/^[1-9]\d{0,3}$/, "每页条数须为 1–1000 的整数 | limit must be a whole number from 1 to 1000")
    .transform(Number)
    .refine((n) => n <= 1000, "每页最多 1000 条 | at most 1000 per page")
    .optional()
    .meta({ description: "Items per page, 1 to 1000 (default 200)" }),
  continuationToken: z
    .string()
    .max(2000)
    .regex(/^[A-Za-z0-9+/=_-]+$/, "续页标记格式不对 | not a continuation token")
    .optional()
    .meta({ description: "The continuationToken of the previous page" }),
};
export const DEFAULT_PAGE = 200;
