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
      return invalidType(i.expected, /received (\S+)$/.exec(issue.message)?.[1]);
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

/**
 * zod 4 leaves the input out of its issues, so what was received is read from its message: only a
 * truly absent field is "missing"; 1.5 where a whole number belongs, Infinity (a 1e309) or text where
 * a number belongs each say so.
 */
function invalidType(expected: string | undefined, received: string | undefined): Bilingual {
  if (received === undefined || received === "undefined")
    return { "zh-CN": "必填项缺失", en: "required field is missing" };
  if (expected === "int") return { "zh-CN": "须为整数（不能有小数）", en: "must be a whole number (no decimals)" };
  if (received === "Infinity" || received === "-Infinity" || received === "NaN")
    return { "zh-CN": "数值过大或不是有限的数", en: "the number is too large or not a finite number" };
  const zh: Record<string, string> = {
    number: "数字",
    string: "文本",
    boolean: "是/否",
    object: "对象",
    array: "列表",
  };
  return {
    "zh-CN": `类型错误：应为${zh[expected ?? ""] ?? expected}，收到的是${received === "null" ? "空值" : (zh[received] ?? received)}`,
    en: `wrong type: expected ${expected}, received ${received}`,
  };
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => fieldProblem(issue.path, bilingual(issue)));
}
