import { describe, expect, it } from "vitest";
import type { AssessmentResult, CadreResult, VerdictResultItem } from "../../shared/index.ts";
import { errorText, issueRows, mergeVerdicts, summarise, verdictItems } from "./format.ts";
import { idempotencyKey, submissionDone, submissionFingerprint } from "./submission.ts";
import { candidateList, parsePostLines } from "./recommendation.ts";
import { whoText } from "./pages/settings.ts";
import { ApiError } from "../api/errors.ts";
import { memoryStore } from "../api/settings.ts";

const identity = { id: "default", version: 1, sha256: "0".repeat(64) };
const cadre = (over: Partial<CadreResult>): CadreResult => ({
  cadreId: "C001",
  name: "张三",
  unit: "一处",
  post: "principal",
  composite: 80,
  compositeExact: "80",
  dimensions: { morality: 80, ability: 80, diligence: 80, achievement: 80, integrity: 80 },
  dimensionsExact: null,
  groups: {},
  renormalised: false,
  rank: 1,
  rankInPost: 1,
  votes: { excellent: 1, competent: 1, basic: 1, incompetent: 0, blank: 1, n: 4 },
  grade: "competent",
  verdict: "fit",
  provisional: false,
  reviewRequired: false,
  reasons: [],
  ...over,
});
const verdict = (over: Partial<VerdictResultItem>): VerdictResultItem => ({
  grade: "competent",
  verdict: "fit",
  reviewRequired: false,
  provisional: false,
  n: 4,
  fired: [],
  ...over,
});

describe("score page logic", () => {
  it("asks one verdict per cadre with votes, rounded scores and the cadre's extra facts", () => {
    const result: AssessmentResult = {
      policy: identity,
      cadres: [cadre({}), cadre({ cadreId: "C002", composite: null, dimensions: null })],
      issues: [],
    };
    const items = verdictItems(result, new Map([["C002", { disciplinary: true }]]));
    expect(items[0]).toEqual({
      excellent: 1,
      competent: 1,
      basic: 1,
      incompetent: 0,
      blank: 1,
      composite: 80,
      dimensions: { morality: 80, ability: 80, diligence: 80, achievement: 80, integrity: 80 },
    });
    expect(items[1]).toEqual({ excellent: 1, competent: 1, basic: 1, incompetent: 0, blank: 1, disciplinary: true });
  });

  it("merges the cloud's verdicts, never lifting a grade past the local quota, and marks offline results provisional", () => {
    const result: AssessmentResult = {
      policy: identity,
      cadres: [
        cadre({ cadreId: "A", grade: "competent" }),
        cadre({ cadreId: "B", grade: "quota_tie" }),
        cadre({ cadreId: "C", grade: "competent" }),
      ],
      issues: [],
    };
    const merged = mergeVerdicts(
      result,
      [
        verdict({ grade: "basic", verdict: "unfit_for_post", reviewRequired: true }),
        verdict({ grade: "excellent" }),
        verdict({ grade: "excellent" }),
      ],
      false,
    );
    expect(merged.cadres.map((c) => [c.grade, c.verdict, c.reviewRequired, c.provisional])).toEqual([
      ["basic", "unfit_for_post", true, false],
      ["quota_tie", "fit", false, false],
      ["competent", "fit", false, false],
    ]);
    expect(
      mergeVerdicts(
        result,
        result.cadres.map(() => verdict({ provisional: true })),
        true,
      ).cadres.every((c) => c.provisional),
    ).toBe(true);
  });

  it("says in both languages when the service answers a different number of verdicts", () => {
    const result: AssessmentResult = {
      policy: identity,
      cadres: [cadre({ cadreId: "A" }), cadre({ cadreId: "B" })],
      issues: [],
    };
    let error: unknown;
    try {
      mergeVerdicts(result, [verdict({})], false);
    } catch (e) {
      error = e;
    }
    expect(errorText(error, "zh-CN")).toBe("裁定数与干部数不一致");
    expect(errorText(error, "en")).toBe("The number of verdicts does not match the number of cadres");
  });

  it("summarises counts per grade and the review-required list with the rules that fired", () => {
    const fired = {
      rule: "competency",
      fired: true,
      message: { "zh-CN": "优秀和称职票 1/3 低于 2/3", en: "Excellent + competent 1/3 below 2/3" },
    };
    const result: AssessmentResult = {
      policy: identity,
      cadres: [
        cadre({ cadreId: "A", grade: "excellent" }),
        cadre({ cadreId: "B", grade: "competent" }),
        cadre({
          cadreId: "C",
          name: "王五",
          grade: "basic",
          reviewRequired: true,
          reasons: [fired, { ...fired, rule: "band", message: { "zh-CN": "分档", en: "band" } }],
        }),
        cadre({ cadreId: "D", grade: null, composite: null }),
      ],
      issues: [
        {
          sheet: "测评票",
          row: 7,
          field: "integrity",
          code: "out_of_range",
          value: 120,
          message: { "zh-CN": "超出范围", en: "out of range" },
        },
      ],
    };
    const s = summarise(result, "zh-CN");
    expect(s.counts.map((c) => [c.label, c.count])).toEqual([
      ["优秀", 1],
      ["称职", 1],
      ["基本称职", 1],
      ["不称职", 0],
      ["名额并列待定", 0],
    ]);
    expect(s.unscored).toBe(1);
    expect(s.review).toEqual([
      { cadreId: "C", name: "王五", grade: "基本称职", reasons: ["优秀和称职票 1/3 低于 2/3"] },
    ]);
    expect(s.issues).toBe(1);
    expect(issueRows(result.issues, "en")).toEqual([
      // The user's words: the field and the rule by name, never the key or the code.
      {
        sheet: "测评票",
        row: 7,
        fieldKey: "integrity",
        field: "Integrity",
        rule: "Out of range",
        message: "out of range",
      },
    ]);
  });

  it("shows a server problem in the user's language, naming the field by its label, never by its path", () => {
    const e = new ApiError(
      "problem",
      { "zh-CN": "请求有误", en: "Bad request" },
      {
        status: 400,
        problem: {
          type: "x",
          title: "t",
          status: 400,
          errors: [{ pointer: "/period", path: ["period"], message: { "zh-CN": "格式错误", en: "invalid format" } }],
        },
      },
    );
    expect(errorText(e, "zh-CN")).toBe("请求有误。考核期间：格式错误");
    expect(errorText(e, "en")).toBe("Bad request. Period: invalid format");
    // Outside Excel, office.js's missing global becomes a sentence that says what to do.
    expect(errorText(new ReferenceError("Excel is not defined"), "zh-CN")).toBe(
      "这一步需要在 Excel 中进行：请在 Excel 中打开本加载项后再试",
    );
    // A 403 says the account lacks the permission, not the service's wording.
    expect(errorText(new ApiError("problem", { "zh-CN": "禁止", en: "Forbidden" }, { status: 403 }), "zh-CN")).toBe(
      "您的账号没有这项权限：如需开通请联系管理员",
    );
  });
});

describe("idempotent submission", () => {
  it("keeps the key until the server accepts, so a retry never duplicates", () => {
    const store = memoryStore();
    let n = 0;
    const mint = () => `key-${++n}`;
    const fp = submissionFingerprint({ unit: "一处", period: "2026", result: { a: 1 } });
    expect(idempotencyKey(store, fp, mint)).toBe("key-1");
    expect(idempotencyKey(store, fp, mint)).toBe("key-1"); // retry after a timeout
    const other = submissionFingerprint({ unit: "二处", period: "2026", result: { a: 1 } });
    expect(other).not.toBe(fp);
    expect(idempotencyKey(store, other, mint)).toBe("key-2"); // a different submission
    submissionDone(store, "key-2");
    expect(idempotencyKey(store, other, mint)).toBe("key-3"); // accepted: the next one is new
  });
});

describe("recommendation form", () => {
  it("reads one post per line (post | vacancies | names) and names the line that does not read", () => {
    expect(parsePostLines("办公室主任 | 1 | 周文、吴刚\n\n财务科科长｜2｜冯雪,陈晨,褚亮")).toEqual({
      ok: true,
      posts: [
        { label: "办公室主任", vacancies: 1, candidates: ["周文", "吴刚"] },
        { label: "财务科科长", vacancies: 2, candidates: ["冯雪", "陈晨", "褚亮"] },
      ],
    });
    expect(parsePostLines("办公室主任 | 1 | 周文\n财务科 | 两 | 冯雪")).toEqual({ ok: false, line: 2 });
    expect(parsePostLines("办公室主任 | 0 | 周文")).toEqual({ ok: false, line: 1 });
    expect(parsePostLines("")).toEqual({ ok: false, line: 1 });
    expect(candidateList(" 甲 ,\n\n乙 ")).toEqual(["甲", "乙"]);
  });
});

describe("settings", () => {
  it("shows the signed-in user and translated roles", () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const jwt = `${part({ alg: "none" })}.${part({ name: "李四", roles: ["hr", "admin"] })}.x`;
    expect(whoText(jwt, "zh-CN")).toBe("已登录：李四（人事部门、管理员）");
    expect(whoText(jwt, "en")).toBe("Signed in: 李四 (HR, Administrator)");
    expect(whoText(null, "zh-CN")).toBe("未登录：单击「登录」用单位账号登录");
    const guest = `${part({ alg: "none" })}.${part({ name: "王五", roles: ["reader"] })}.x`;
    expect(whoText(guest, "zh-CN")).toBe("已登录：王五（未分配角色，按考核员显示）");
  });
});
