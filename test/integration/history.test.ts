/**
 * History across years over real HTTP against Azurite: three years of scored sheets for the same
 * cadres (the multi-year rules flagged, never decided), and three years of stored surveys (each
 * compared with the one before; the unit's history; small layers withheld in JSON and CSV).
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobServiceClient } from "@azure/storage-blob";
import { startStack, type Stack } from "./harness.ts";
import { CONTAINER_NAME } from "../../functions/store/clients.ts";
import { SURVEY_2025, SURVEY_2026, surveyRows, type SurveyTablesSpec } from "../../examples/survey.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
});

/** Every dimension s, grade vote v, from three raters of each group. */
const ballots = (cadreId: string, s: number, vote: string) =>
  ["superior", "peer", "subordinate"].flatMap((g) =>
    [1, 2, 3].map((k) => ({
      ballotId: `${g}-${k}`,
      raterGroup: g,
      cadreId,
      morality: s,
      ability: s,
      diligence: s,
      achievement: s,
      integrity: s,
      gradeVote: vote,
    })),
  );

async function storeYear(period: string, years: Record<string, [number, string]>) {
  const cadres = Object.keys(years).map((id) => ({ cadreId: id, name: `干部${id}`, unit: "财政局", post: "deputy" }));
  const scored = await stack.call("assessor", "/score", {
    method: "POST",
    json: {
      policyId: "default",
      cadres,
      ballots: Object.entries(years).flatMap(([id, [s, v]]) => ballots(id, s, v)),
    },
  });
  expect(scored.status).toBe(200);
  const res = await stack.call("assessor", "/sheets", {
    method: "POST",
    json: { unit: "财政局", period, result: await scored.json() },
  });
  expect(res.status).toBe(201);
}

describe("a cadre's years", () => {
  it("three stored years: grade per year; incompetent 2025 and 2026 is flagged for review, basic with a gap is not", async () => {
    // Bands (default policy): >= 75 competent, >= 60 basic, below 60 incompetent.
    await storeYear("2024", { A1: [80, "称职"], A2: [70, "基本称职"], A3: [80, "称职"] });
    await storeYear("2025", { A1: [50, "不称职"], A2: [80, "称职"], A3: [70, "基本称职"] });
    await storeYear("2026", { A1: [50, "不称职"], A2: [70, "基本称职"], A3: [70, "基本称职"] });
    // A half-year sheet is part of the record but not a year of the multi-year rules.
    await storeYear("2026-H1", { A2: [70, "基本称职"] });

    const a1 = await (await stack.call("hr", "/history/cadres/A1")).json();
    expect(
      a1.years.map((y: { period: string; grade: string; composite: number }) => [y.period, y.grade, y.composite]),
    ).toEqual([
      ["2024", "competent", 80],
      ["2025", "incompetent", 50],
      ["2026", "incompetent", 50],
    ]);
    expect(a1.flags).toHaveLength(1);
    expect(a1.flags[0]).toMatchObject({ rule: "two_years_incompetent", years: ["2025", "2026"], reviewRequired: true });
    expect(a1.flags[0].message["zh-CN"]).toContain("须经组织认定");

    const a2 = await (await stack.call("hr", "/history/cadres/A2")).json();
    expect(a2.years.map((y: { period: string }) => y.period)).toEqual(["2024", "2025", "2026", "2026-H1"]);
    expect(a2.flags).toEqual([]);

    const a3 = await (await stack.call("hr", "/history/cadres/A3")).json();
    expect(a3.flags.map((f: { rule: string; years: string[] }) => [f.rule, f.years])).toEqual([
      ["two_years_basic", ["2025", "2026"]],
    ]);
  });

  it("an unknown cadre has no years; an assessor may not read history", async () => {
    const res = await stack.call("hr", "/history/cadres/NOBODY");
    expect(await res.json()).toMatchObject({ years: [], flags: [] });
    expect((await stack.call("assessor", "/history/cadres/A1")).status).toBe(403);
  });
});

const submitSurvey = async (spec: SurveyTablesSpec, period: string) => {
  const { items, answers } = surveyRows(spec);
  const body = {
    period,
    items: items.slice(1).map(([itemId, unit, title, kind, scale]) => ({
      itemId,
      unit,
      title,
      kind,
      ...(scale ? { scale } : {}),
    })),
    answers: answers.slice(1).map(([respondentId, layer, itemId, answer]) => ({ respondentId, layer, itemId, answer })),
  };
  const res = await stack.call("assessor", "/surveys", { method: "POST", json: body });
  expect(res.status).toBe(201);
  return res.json();
};

/** 2024: everyone rated 甲县's work 很满意 / 好, so its unit index was 100.00. */
const SURVEY_2024: SurveyTablesSpec = {
  items: SURVEY_2025.items,
  respondents: SURVEY_2025.respondents,
  answers: {
    "J-W1": { 全委会委员: { 很满意: 10 }, 本级领导班子成员: { 很满意: 10 } },
    "J-P1": { 全委会委员: { 好: 10 }, 本级领导班子成员: { 好: 10 } },
    "Y-W1": { 全委会委员: { 很满意: 4, 满意: 5, 基本满意: 1 } },
  },
};

describe("a unit's survey years", () => {
  let stored2026: { id: string; result: { units: { unit: string; flags: string[]; lastYear: unknown }[] } };
  beforeAll(async () => {
    await submitSurvey(SURVEY_2024, "2024");
    await submitSurvey(SURVEY_2025, "2025");
    stored2026 = await submitSurvey(SURVEY_2026, "2026");
  });

  it("each year is compared with the stored year before: 甲县 100 -> 88 -> 79.25, supervised two years running", async () => {
    const jia = stored2026.result.units.find((u) => u.unit === "甲县")!;
    expect(jia.lastYear).toMatchObject({ period: "2025", index: 88, change: -8.75 });
    expect(jia.flags).toEqual(["supervise"]);

    const res = await stack.call("hr", `/history/units/${encodeURIComponent("甲县")}`);
    expect(res.status).toBe(200);
    const h = await res.json();
    expect(
      h.years.map((y: { period: string; unit: { stats: { index: number }; flags: string[] } }) => [
        y.period,
        y.unit.stats.index,
        y.unit.flags,
      ]),
    ).toEqual([
      ["2024", 100, []],
      ["2025", 88, ["supervise"]],
      ["2026", 79.25, ["supervise"]],
    ]);
    expect(h.flags).toMatchObject([
      { rule: "supervised_years_running", years: ["2025", "2026"], reviewRequired: true },
    ]);
    // 乙县 86.00 in 2025 and 83.00 in 2026: a fall of exactly 3, under the step.
    const yi = await (await stack.call("hr", `/history/units/${encodeURIComponent("乙县")}`)).json();
    expect(yi.years.map((y: { unit: { stats: { index: number } } }) => y.unit.stats.index)).toEqual([86, 86, 83]);
    expect(yi.flags).toEqual([]);
  });

  it("乙县's 2 grassroots answers are withheld in the API's JSON and in the CSV export", async () => {
    const json = await (await stack.call("hr", `/surveys/${stored2026.id}`)).json();
    const item = json.result.items.find((i: { itemId: string }) => i.itemId === "Y-W1");
    expect(item.layers.grassroots).toEqual({ answers: 2, withheld: true });
    // Total 20 minus committee 10 and leaders 8 would reveal the 2: so the leaders' 8 are withheld too.
    expect(item.layers.leaders).toEqual({ answers: 8, withheld: true });
    expect(item.layers.committee.answers).toBe(10);

    const csv = await (await stack.call("hr", `/surveys/${stored2026.id}?format=csv`)).text();
    const rows = (parse(csv.replace(/^\uFEFF/, "")) as string[][]).filter((r) => r[0] === "乙县" && r[1] === "Y-W1");
    const grassroots = rows.find((r) => r[4]!.includes("基层干部群众"))!;
    // Unit, id, item, kind, layer, then the answer count 2 and nothing else but the withheld note.
    expect(grassroots.slice(5, -1).filter(Boolean)).toEqual(["2"]);
    expect(grassroots.at(-1)).toContain("不显示");
  });

  it("a survey with no scorable item is refused with each row named, nothing stored", async () => {
    const res = await stack.call("assessor", "/surveys", {
      method: "POST",
      json: {
        period: "2027",
        items: [{ itemId: "X", unit: "丙县", title: "t", kind: "奖惩" }],
        answers: [{ respondentId: "1", layer: "全委会委员", itemId: "X", answer: "满意" }],
      },
    });
    expect(res.status).toBe(422);
    const p = await res.json();
    expect(p.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/items/0/kind", "/answers/0/itemId"]);
    expect((await (await stack.call("hr", `/history/units/${encodeURIComponent("丙县")}`)).json()).years).toEqual([]);
  });
  // Last: the altered year stays altered.
  it("a stored survey altered in storage is refused (409) and audit verify names its entry", async () => {
    const blob = BlobServiceClient.fromConnectionString(stack.connectionString)
      .getContainerClient(CONTAINER_NAME)
      .getBlockBlobClient(`survey-${stored2026.id}.json`);
    const doc = JSON.parse((await blob.downloadToBuffer()).toString("utf8"));
    doc.result.units[0].stats.index = 95;
    doc.result.units[0].flags = [];
    const body = JSON.stringify(doc);
    await blob.upload(body, Buffer.byteLength(body));
    const res = await stack.call("hr", `/surveys/${stored2026.id}`);
    expect(res.status).toBe(409);
    expect((await res.json()).message["zh-CN"]).toContain("可能在存储中被改动过");
    expect((await stack.call("hr", `/history/units/${encodeURIComponent("甲县")}`)).status).toBe(409);
    const audit = await (await stack.call("hr", "/audit")).json();
    const entry = audit.items.find((e: { subject: string }) => e.subject === stored2026.id);
    expect(entry.action).toBe("survey.submit");
    const verify = await (await stack.call("hr", "/audit/verify")).json();
    expect(verify).toMatchObject({ ok: false, firstBroken: entry.seq });
  });
});
