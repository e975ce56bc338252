/** The policy is bound to the workbook: stored in _kaoping at 新建考核 and used by every later step, on any computer. */
import { beforeEach, describe, expect, it } from "vitest";
import * as excel from "../../addin/excel/index.ts";
import {
  createAssessmentSkeleton,
  readAssessment,
  readStoredResult,
  readWorkbookPolicy,
  writeResults,
  writeWorkbookPolicy,
} from "../../addin/excel/index.ts";
import {
  DEFAULT_POLICIES,
  DEFAULT_POLICY,
  policyIdentity,
  score,
  scoreWithIdentity,
  type Policy,
} from "../../shared/index.ts";
import { createRuntime } from "../../addin/api/runtime.ts";
import { memoryStore } from "../../addin/api/settings.ts";
import { saveCachedPolicy } from "../../addin/api/policy-cache.ts";
import { activePolicy } from "../../addin/taskpane/policy.ts";
import type { PaneContext } from "../../addin/taskpane/pages/context.ts";
import type { ExcelPort } from "../../addin/taskpane/excel-port.ts";
import type { Lang } from "../../addin/i18n/index.ts";
import type { Standin } from "../standin/index.ts";
import { freshStandin, typeInto } from "./helpers.ts";

let s: Standin;
beforeEach(() => {
  s = freshStandin();
});

const civil = DEFAULT_POLICIES.find((p) => p.id === "civil-servant")!;

/** The pane's context on one computer: its own localStorage, the real Excel layer over the stand-in. */
function paneOn(store = memoryStore(), lang: Lang = "zh-CN") {
  const notices: (string | null)[] = [];
  const rt = createRuntime(store);
  const ctx: PaneContext = {
    lang,
    excel: excel as ExcelPort,
    rt,
    lastResult: null,
    notice: (m) => void notices.push(m),
    run: async () => undefined,
  };
  return { ctx, rt, notices };
}

describe("writeWorkbookPolicy / readWorkbookPolicy", () => {
  it("round-trips the whole document and its identity through the hidden sheet, beside the stored result", async () => {
    // A long title makes the document span several cells (each under Excel's 32,767-character limit).
    const big: Policy = { ...civil, title: "年".repeat(70_000) };
    const identity = await policyIdentity(big);
    await writeWorkbookPolicy({ policy: big, identity, published: false });
    expect(s.inspect.sheet("_kaoping").visibility).toBe("Hidden");
    expect(s.inspect.cell("_kaoping", "E1")?.value).toBe("kaoping-policy v1");
    expect(s.inspect.cell("_kaoping", "E2")?.value).toBe(3); // 70,000+ characters in pieces of 30,000
    // Scoring afterwards writes column A and leaves the policy alone.
    await typeInto(s, "干部名单", [
      ["编号", "姓名", "单位", "岗位类别"],
      ["C1", "张三", "一处", "党政正职"],
    ]);
    await typeInto(s, "测评票", [
      ["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"],
      ["B1", "上级领导", "C1", 90, 90, 90, 90, 90, "优秀"],
    ]);
    const result = scoreWithIdentity(big, identity, await readAssessment());
    await writeResults(result, big, { lang: "zh-CN", offline: false });
    expect(await readWorkbookPolicy()).toEqual({ policy: big, identity, published: false });
    expect((await readStoredResult())?.policy).toEqual(identity);
  });

  it("reads null from a workbook made before policies were stored, and names a damaged one in both languages", async () => {
    expect(await readWorkbookPolicy()).toBeNull();
    await writeWorkbookPolicy({
      policy: DEFAULT_POLICY,
      identity: await policyIdentity(DEFAULT_POLICY),
      published: true,
    });
    await s.Excel.run(async (context) => {
      (
        context as { workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown } } } } }
      ).workbook.worksheets
        .getItem("_kaoping")
        .getRange("E3").values = [["{not json"]];
    });
    await expect(readWorkbookPolicy()).rejects.toMatchObject({
      code: "stored_policy_invalid",
      bilingual: { "zh-CN": expect.stringContaining("已损坏"), en: expect.stringContaining("damaged") },
    });
  });
});

describe("the workbook's policy wins on every computer", () => {
  /** Spec 5 by hand: 4 cadres, composites 91–94 (band excellent), every vote 优秀. Quota: default floor(4 x 1/4) = 1
   * (C4, the highest), civil-servant floor(4 x 1/5) = 0, so under the civil-servant policy nobody is excellent. */
  async function civilWorkbook() {
    await createAssessmentSkeleton(civil, "zh-CN");
    await writeWorkbookPolicy({ policy: civil, identity: await policyIdentity(civil), published: false });
    await typeInto(s, "干部名单", [
      ["编号 cadreId", "姓名 name", "单位 unit", "岗位类别 post"],
      ...[1, 2, 3, 4].map((i) => [`C${i}`, `干部${i}`, "一处", "党政正职"]),
    ]);
    const ballots: unknown[][] = [];
    for (let i = 1; i <= 4; i++)
      for (let k = 1; k <= 3; k++)
        ballots.push([`B${k}`, "上级领导", `C${i}`, 90 + i, 90 + i, 90 + i, 90 + i, 90 + i, "优秀"]);
    await typeInto(s, "测评票", [
      [
        "票号 ballotId",
        "测评主体 raterGroup",
        "编号 cadreId",
        "德 morality",
        "能 ability",
        "勤 diligence",
        "绩 achievement",
        "廉 integrity",
        "等次 gradeVote",
      ],
      ...ballots,
    ]);
  }

  it("a fresh pane (empty cache) scores with the workbook's civil-servant policy, not the built-in default", async () => {
    await civilWorkbook();
    const { ctx, rt, notices } = paneOn();
    const active = await activePolicy(ctx);
    expect(active.policy.id).toBe("civil-servant");
    const result = await score(active.policy, await readAssessment());
    expect(result.policy.id).toBe("civil-servant");
    expect(result.cadres.filter((c) => c.grade === "excellent")).toEqual([]);
    // The shared runtime (custom functions, cloud verdicts) uses it too, and the pane says the workbook wins.
    expect(rt.policy().policy.id).toBe("civil-servant");
    expect(notices.at(-1)).toBe(
      "本工作簿使用「年度考核（公务员） 第 1 版」，与本机上次选择的「年度考核（领导干部） 第 1 版」不同；以工作簿的方案为准",
    );
  });

  it("says nothing when this computer chose the same policy; says so in English when Office is English", async () => {
    await civilWorkbook();
    const same = memoryStore();
    saveCachedPolicy({ policy: civil, published: false }, same);
    const a = paneOn(same);
    await activePolicy(a.ctx);
    expect(a.notices).toEqual([null]);
    const b = paneOn(memoryStore(), "en");
    await activePolicy(b.ctx);
    expect(b.notices).toEqual([
      'This workbook uses "年度考核（公务员）, version 1", not "年度考核（领导干部）, version 1" chosen last on this computer; the workbook\'s policy is used',
    ]);
  });

  it("a workbook without a stored policy keeps today's behaviour: the cached choice", async () => {
    const store = memoryStore();
    saveCachedPolicy({ policy: civil, published: true }, store);
    const { ctx, rt, notices } = paneOn(store);
    const active = await activePolicy(ctx);
    expect([active.policy.id, active.published]).toEqual(["civil-servant", true]);
    expect(rt.workbookPolicy).toBeNull();
    expect(notices).toEqual([null]);
  });
});
