import { describe, expect, it } from "vitest";
import { DEFAULT_SURVEY_POLICY, type SurveyPolicy } from "../schemas/survey-policy.ts";
import type { SurveyAnswerRow, SurveyInput, SurveyItem, SurveyStats } from "../schemas/survey.ts";
import { scoreSurvey } from "./score.ts";

const ID = { id: "survey-default", version: 1, sha256: "0".repeat(64) };
let form = 0;
/** `n` answers of each label to one item from one layer, each on its own form. */
function answers(itemId: string, layer: string, spec: Record<string, number>): SurveyAnswerRow[] {
  return Object.entries(spec).flatMap(([answer, n]) =>
    Array.from({ length: n }, () => ({ respondentId: `F${++form}`, layer, itemId, answer })),
  );
}
const work = (itemId: string, unit = "甲县"): SurveyItem => ({
  itemId,
  unit,
  title: "选人用人工作总体评价",
  kind: "选人用人工作",
});
const shown = (s: SurveyStats | undefined) => {
  if (!s || "withheld" in s) throw new Error("withheld");
  return s;
};

describe("survey index (spec section 9, national scale)", () => {
  const input: SurveyInput = {
    items: [work("W1")],
    answers: answers("W1", "全委会委员", { 很满意: 10, 满意: 20, 基本满意: 6, 不太满意: 2, 不满意: 2 }),
  };

  it("10/20/6/2/2 of 40 gives (1000 + 1600 + 360 + 60 + 0) / 40 = 75.50", () => {
    const s = shown(scoreSurvey(input, DEFAULT_SURVEY_POLICY, ID).items[0]!.stats);
    expect(s.index).toBe(75.5);
    expect(s.indexExact).toBe("151/2");
    expect(s.base).toBe(40);
    expect(s.counts).toEqual({ 很满意: 10, 满意: 20, 基本满意: 6, 不太满意: 2, 不满意: 2, 不了解: 0 });
    // Positive rate: the top two answers, 30 of 40.
    expect(s.positive).toEqual({ fraction: "30/40", percent: "75.00" });
    expect(s.negative).toEqual({ fraction: "4/40", percent: "10.00" });
  });

  it("不了解 is excluded from the base by default but still counted as an answer", () => {
    const withDontKnow = { ...input, answers: [...input.answers, ...answers("W1", "全委会委员", { 不了解: 5 })] };
    const s = shown(scoreSurvey(withDontKnow, DEFAULT_SURVEY_POLICY, ID).items[0]!.stats);
    expect(s.answers).toBe(45);
    expect(s.base).toBe(40);
    expect(s.counts["不了解"]).toBe(5);
    expect(s.index).toBe(75.5);
  });

  it("不了解 counted with no points when the policy says so: 3020 / 45 = 67.11, positive 30/45 = 66.67%", () => {
    const withDontKnow = { ...input, answers: [...input.answers, ...answers("W1", "全委会委员", { 不了解: 5 })] };
    const policy: SurveyPolicy = { ...DEFAULT_SURVEY_POLICY, dontKnow: "count" };
    const s = shown(scoreSurvey(withDontKnow, policy, ID).items[0]!.stats);
    expect(s.base).toBe(45);
    expect(s.indexExact).toBe("604/9");
    expect(s.index).toBe(67.11);
    expect(s.positive).toEqual({ fraction: "30/45", percent: "66.67" });
  });

  it("half-up once at the end: 100 + 80 + 0 over 3 is 60 exactly; 100 + 100 + 30 over 3 = 76.666… shows 76.67", () => {
    const r = scoreSurvey(
      {
        items: [work("A"), work("B", "乙县")],
        answers: [
          ...answers("A", "全委会委员", { 很满意: 1, 满意: 1, 不满意: 1 }),
          ...answers("B", "全委会委员", { 很满意: 2, 不太满意: 1 }),
        ],
      },
      DEFAULT_SURVEY_POLICY,
      ID,
    );
    expect(shown(r.items[0]!.stats).index).toBe(60);
    expect(shown(r.items[1]!.stats).index).toBe(76.67);
    expect(shown(r.items[1]!.stats).indexExact).toBe("230/3");
  });

  it("does not depend on row order", () => {
    const a = scoreSurvey(input, DEFAULT_SURVEY_POLICY, ID);
    const b = scoreSurvey({ ...input, answers: [...input.answers].reverse() }, DEFAULT_SURVEY_POLICY, ID);
    expect(b).toEqual(a);
  });

  it("reads traditional spellings and English layer names the same", () => {
    const r = scoreSurvey(
      {
        items: [{ itemId: "W1", unit: "甲县", title: "總體評價", kind: "選人用人工作" }],
        answers: [
          { respondentId: "1", layer: "Committee members", itemId: "W1", answer: "很滿意" },
          { respondentId: "2", layer: "全委會委員", itemId: "W1", answer: "滿意" },
          { respondentId: "3", layer: "committee", itemId: "W1", answer: "基本滿意" },
        ],
      },
      DEFAULT_SURVEY_POLICY,
      ID,
    );
    expect(r.issues).toEqual([]);
    expect(shown(r.items[0]!.stats).index).toBe(80);
  });
});

describe("privacy: fewer than 3 answers are withheld", () => {
  it("a layer of 2 answers is withheld, and so is the next smallest so it cannot be worked out by subtraction", () => {
    const r = scoreSurvey(
      {
        items: [work("W1")],
        answers: [
          ...answers("W1", "全委会委员", { 很满意: 3 }),
          ...answers("W1", "本级领导班子成员", { 满意: 4 }),
          ...answers("W1", "基层干部群众", { 不满意: 2 }),
        ],
      },
      DEFAULT_SURVEY_POLICY,
      ID,
    );
    const item = r.items[0]!;
    expect(item.layers.grassroots).toEqual({ answers: 2, withheld: true });
    // Total minus the leaders' 4 would still give the other 5 together: 3 + 2 answers, at least 3.
    expect(item.layers.committee).toEqual({ answers: 3, withheld: true });
    expect(shown(item.layers.leaders).index).toBe(80);
    // Their answers still count: (300 + 320 + 0) / 9 = 68.888… shows 68.89.
    expect(shown(item.stats).indexExact).toBe("620/9");
    expect(shown(item.stats).index).toBe(68.89);
    expect(r.units[0]!.layers.grassroots).toEqual({ answers: 2, withheld: true });
    expect(shown(r.units[0]!.layers.leaders).answers).toBe(4);
  });

  it("two withheld layers holding 3 answers together need no further suppression", () => {
    const r = scoreSurvey(
      {
        items: [work("W1")],
        answers: [
          ...answers("W1", "全委会委员", { 很满意: 2 }),
          ...answers("W1", "本级领导班子成员", { 满意: 4 }),
          ...answers("W1", "基层干部群众", { 不满意: 1 }),
        ],
      },
      DEFAULT_SURVEY_POLICY,
      ID,
    );
    expect(r.items[0]!.layers.committee).toEqual({ answers: 2, withheld: true });
    expect(r.items[0]!.layers.grassroots).toEqual({ answers: 1, withheld: true });
    expect(shown(r.items[0]!.layers.leaders).answers).toBe(4);
  });

  it("an item of exactly 3 answers is shown, of 2 withheld", () => {
    const r = scoreSurvey(
      {
        items: [work("A"), work("B", "乙县")],
        answers: [...answers("A", "全委会委员", { 满意: 3 }), ...answers("B", "全委会委员", { 满意: 2 })],
      },
      DEFAULT_SURVEY_POLICY,
      ID,
    );
    expect(shown(r.items[0]!.stats).index).toBe(80);
    expect(r.items[1]!.stats).toEqual({ answers: 2, withheld: true });
    expect(r.units[1]!.stats).toEqual({ answers: 2, withheld: true });
    expect(r.units[1]!.flags).toEqual([]);
  });
});

describe("new cadre flag 核实: negative share above negativeMax (1/3)", () => {
  const cadre = (spec: Record<string, number>) =>
    scoreSurvey(
      {
        items: [{ itemId: "C1", unit: "甲县", title: "李四", kind: "新提拔干部" }],
        answers: answers("C1", "全委会委员", spec),
      },
      DEFAULT_SURVEY_POLICY,
      ID,
    ).items[0]!;

  it("10 不认同 of 30 is exactly 1/3: not flagged", () => {
    const item = cadre({ 认同: 15, 基本认同: 5, 不认同: 10 });
    expect(item.flags).toEqual([]);
    expect(item.reasons[0]).toMatchObject({
      rule: "new_cadre_negative",
      fraction: "10/30",
      percent: "33.33",
      fired: false,
    });
    // (1500 + 300 + 0) / 30 = 60
    expect(shown(item.stats).index).toBe(60);
  });

  it("10 不认同 of 29 (34.48%) is just above: flagged 核实", () => {
    const item = cadre({ 认同: 14, 基本认同: 5, 不认同: 10 });
    expect(item.flags).toEqual(["verify"]);
    expect(item.reasons[0]).toMatchObject({ fraction: "10/29", percent: "34.48", fired: true });
    expect(item.reasons[0]!.message["zh-CN"]).toContain("核实");
  });

  it("不了解 stays out of the base: 10 of 30 plus 3 不了解 is still exactly 1/3", () => {
    const item = cadre({ 认同: 15, 基本认同: 5, 不认同: 10, 不了解: 3 });
    expect(item.flags).toEqual([]);
    expect(item.reasons[0]!.fraction).toBe("10/30");
  });
});

describe("unit flags 重点督导 and year-over-year change", () => {
  const year = (
    spec: Record<string, number>,
    period: string,
    lastYear?: ReturnType<typeof scoreSurvey>,
    policy = DEFAULT_SURVEY_POLICY,
  ) =>
    scoreSurvey({ items: [work("W1")], answers: answers("W1", "全委会委员", spec) }, policy, ID, { period, lastYear });
  // 100 + 80 + 60 over 3 = 80.00
  const lastYear = year({ 很满意: 1, 满意: 1, 基本满意: 1 }, "2025");

  it("falling by exactly the step (80 to 75) is not flagged", () => {
    // 100 + 80 + 60 + 60 over 4 = 75
    const r = year({ 很满意: 1, 满意: 1, 基本满意: 2 }, "2026", lastYear);
    expect(r.units[0]!.flags).toEqual([]);
    expect(r.units[0]!.reasons.find((x) => x.rule === "unit_fall")).toMatchObject({ fraction: "5", fired: false });
    expect(r.items[0]!.lastYear).toEqual({ period: "2025", index: 80, positivePercent: "66.67", change: -5 });
  });

  it("falling by more than the step (80 to 72.50) is flagged", () => {
    // 100 + 80 + 80 + 30 over 4 = 72.5
    const r = year({ 很满意: 1, 满意: 2, 不太满意: 1 }, "2026", lastYear);
    expect(r.units[0]!.flags).toEqual(["supervise"]);
    const fall = r.units[0]!.reasons.find((x) => x.rule === "unit_fall")!;
    expect(fall).toMatchObject({ fraction: "15/2", value: 7.5, fired: true });
    expect(fall.message["zh-CN"]).toContain("下降 7.50");
    expect(r.units[0]!.lastYear?.change).toBe(-7.5);
  });

  it("a fall of 5 against a step of 4.99 is flagged (just above)", () => {
    const policy = { ...DEFAULT_SURVEY_POLICY, step: 4.99 };
    const r = year({ 很满意: 1, 满意: 1, 基本满意: 2 }, "2026", lastYear, policy);
    expect(r.units[0]!.flags).toEqual(["supervise"]);
  });

  it("an index of exactly the floor (60) is not flagged, 57.50 is", () => {
    expect(year({ 基本满意: 3 }, "2026").units[0]!.flags).toEqual([]);
    // 60 + 60 + 80 + 30 over 4 = 57.5
    const r = year({ 基本满意: 2, 满意: 1, 不太满意: 1 }, "2026");
    expect(r.units[0]!.flags).toEqual(["supervise"]);
    expect(r.units[0]!.reasons.find((x) => x.rule === "unit_floor")).toMatchObject({ fraction: "115/2", fired: true });
  });

  it("an item that did not exist last year has no year-over-year figure", () => {
    const r = scoreSurvey(
      {
        items: [work("W1"), { itemId: "C9", unit: "甲县", title: "王五", kind: "新提拔干部" }],
        answers: answers("C9", "全委会委员", { 认同: 3 }),
      },
      DEFAULT_SURVEY_POLICY,
      ID,
      { lastYear },
    );
    expect(r.items[1]!.lastYear).toBeNull();
    // W1 existed last year but has no answers this year: last year's figure, no change.
    expect(r.items[0]!.lastYear).toMatchObject({ index: 80, change: null });
  });
});

describe("validation: nothing is dropped silently", () => {
  it("names the row, field and rule of each refused row, both languages", () => {
    const r = scoreSurvey(
      {
        items: [
          { ...work("W1"), row: 3 },
          { ...work("W1"), row: 4 },
          { itemId: "X", unit: "甲县", title: "t", kind: "奖惩", row: 5 },
        ],
        answers: [
          { respondentId: "1", layer: "全委会委员", itemId: "W1", answer: "满意", row: 2 },
          { respondentId: "1", layer: "全委会委员", itemId: "W1", answer: "很满意", row: 3 },
          { respondentId: "2", layer: "路人", itemId: "W1", answer: "满意", row: 4 },
          { respondentId: "3", layer: "全委会委员", itemId: "W1", answer: "还行", row: 5 },
          { respondentId: "4", layer: "全委会委员", itemId: "W7", answer: "满意", row: 6 },
          { respondentId: "5", layer: "全委会委员", itemId: "W1", answer: "", row: 7 },
        ],
      },
      DEFAULT_SURVEY_POLICY,
      ID,
    );
    expect(r.issues.map((i) => [i.sheet, i.row, i.field, i.code])).toEqual([
      ["评议项目", 4, "itemId", "duplicate_item"],
      ["评议项目", 5, "kind", "unknown_kind"],
      ["评议票", 2, "respondentId", "duplicate_answer"],
      ["评议票", 3, "respondentId", "duplicate_answer"],
      ["评议票", 4, "layer", "unknown_layer"],
      ["评议票", 5, "answer", "invalid_answer"],
      ["评议票", 6, "itemId", "unknown_item"],
      ["评议票", 7, "answer", "missing_field"],
    ]);
    expect(r.issues[5]!.message["zh-CN"]).toBe(
      "评议票 第 5 行「评价」：「还行」不是该项目量表的答案（可填：很满意、满意、基本满意、不太满意、不满意、不了解），此答案不计分",
    );
    expect(r.issues[2]!.message.en).toContain("see also row 3");
    expect(r.items[0]!.provisional).toBe(true);
    expect(r.items[0]!.stats).toEqual({ answers: 0, withheld: true });
  });
});
