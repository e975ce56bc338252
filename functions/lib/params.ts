import { z } from "zod";

/** Path parameters arrive as text; these say what each must look like. */
export const PolicyIdParam = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    "方案编号：字母开头，字母、数字、_ 或 - | policy id: a letter, then letters, digits, _ or -",
  );
export const VersionParam = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, "版本号须为正整数 | version must be a positive whole number")
  .transform(Number);
export const SheetIdParam = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "考评表编号格式不对 | not a sheet id");

export const KiB = 1024;
export const MiB = 1024 * 1024;
