import type { z } from "zod";
import type { Bilingual } from "../vocabulary.ts";
import { fieldProblem, type FieldProblem } from "./pointer.ts";

export { fieldProblem, jsonPointer, type FieldProblem } from "./pointer.ts";

/** Our refinements write "中文 | English"; zod's own checks are translated here. */
function bilingual(issue: z.core.$ZodIssue): Bilingual {
  const [zh, en] = issue.message.split(" | ");
  if (en !== undefined) return { "zh-CN": zh!, en };
  const i = issue as z.core.$ZodIssue & {
    expected?: string;
    minimum?: unknown;
    maximum?: unknown;
    keys?: string[];
    values?: unknown[];
  };
  switch (i.code) {
    case "invalid_type":
      return i.input === undefined
        ? { "zh-CN": "必填项缺失", en: "required field is missing" }
        : { "zh-CN": `类型错误，应为 ${i.expected}`, en: `wrong type, expected ${i.expected}` };
    case "too_small":
      return { "zh-CN": `不能小于 ${String(i.minimum)}`, en: `must be at least ${String(i.minimum)}` };
    case "too_big":
      return { "zh-CN": `不能大于 ${String(i.maximum)}`, en: `must be at most ${String(i.maximum)}` };
    case "invalid_value":
      return {
        "zh-CN": `取值须为：${(i.values ?? []).join("、")}`,
        en: `must be one of: ${(i.values ?? []).join(", ")}`,
      };
    case "unrecognized_keys":
      return {
        "zh-CN": `不认识的字段：${(i.keys ?? []).join("、")}`,
        en: `unknown field(s): ${(i.keys ?? []).join(", ")}`,
      };
    case "invalid_format":
      return { "zh-CN": "格式错误", en: "invalid format" };
    case "invalid_union":
      return { "zh-CN": "取值的类型不符合要求", en: "value does not match any allowed type" };
    default:
      return { "zh-CN": `无效：${issue.message}`, en: issue.message };
  }
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => fieldProblem(issue.path, bilingual(issue)));
}
