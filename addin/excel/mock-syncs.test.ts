/**
 * Reading and scoring through office-addin-mock: the number of context.sync() calls must not grow with the sheet.
 * The mock neither counts syncs nor throws on unloaded properties (it returns the string
 * "Error, property was not loaded"), so we spy on context.sync and assert on the values that come back.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { OfficeMockObject } from "office-addin-mock";
import { ballotRowsOf, DEFAULT_POLICY, policyIdentity, scoreWithIdentity } from "../../shared/index.ts";
import { readAssessment } from "./index.ts";

type Grid = (string | number)[][];

function mockWorkbook(sheets: Record<string, Grid>) {
  const created: OfficeMockObject[] = [];
  const track = (m: OfficeMockObject) => (created.push(m), m);
  const range = (values: Grid, row: number, col: number) =>
    track(
      new OfficeMockObject({
        values,
        rowIndex: row,
        columnIndex: col,
        rowCount: values.length,
        columnCount: values[0]?.length ?? 0,
      }),
    );
  const sheet = (name: string) => {
    const data = sheets[name];
    const ws = track(
      new OfficeMockObject(
        data
          ? {
              name,
              isNullObject: false,
              getUsedRange: () => range(data, 0, 0),
              getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
                range(
                  data.slice(r, r + nr).map((row) => row.slice(c, c + nc)),
                  r,
                  c,
                ),
            }
          : { name, isNullObject: true },
      ),
    );
    // Office reports isNullObject after a sync without a load; the mock needs the load to hand it over.
    ws.load("isNullObject");
    return ws;
  };
  const worksheets = { getItem: (n: string) => sheet(n) };
  const context = new OfficeMockObject({ workbook: { worksheets } });
  // The mock keeps arrays as plain values, so it cannot load "items/name"; the names are there already.
  const collection = (context as unknown as { workbook: { worksheets: { load: () => unknown } } }).workbook.worksheets;
  collection.load = () => collection;
  Object.defineProperty(collection, "items", { value: Object.keys(sheets).map((name) => ({ name })) });
  const sync = vi.fn(async () => {
    for (const m of created) await m.sync();
  });
  context.sync = sync;
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: async <T>(batch: (c: unknown) => Promise<T>) => batch(context),
  };
  return { sync };
}

/** n cadres x 50 ballots; every score 80 and every vote 称职, so each composite is 80 whatever the post weights. */
function workbook(cadres: number): Record<string, Grid> {
  const groups = ["上级领导", "同级", "下级", "服务对象"];
  const cadreRows: Grid = [["编号 cadreId", "姓名 name", "单位 unit", "岗位类别 post"]];
  const ballotRows: Grid = [
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
  ];
  for (let c = 0; c < cadres; c++) {
    cadreRows.push([`C${c}`, `干部${c}`, "办公室", c % 2 ? "党政正职" : "一般干部"]);
    for (let b = 0; b < 50; b++) ballotRows.push([`B${b}`, groups[b % 4]!, `C${c}`, 80, 80, 80, 80, 80, "称职"]);
  }
  return { 干部名单: cadreRows, 测评票: ballotRows };
}

async function readAndScore(cadres: number) {
  const { sync } = mockWorkbook(workbook(cadres));
  const input = await readAssessment();
  const result = scoreWithIdentity(DEFAULT_POLICY, await policyIdentity(DEFAULT_POLICY), input);
  return { input, result, syncs: sync.mock.calls.length };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("sync count against office-addin-mock", () => {
  it("reads and scores 1,000 and 10,000 ballots with the same number of syncs", async () => {
    const small = await readAndScore(20);
    const large = await readAndScore(200);

    expect(ballotRowsOf(small.input.ballots)).toHaveLength(1_000);
    expect(ballotRowsOf(large.input.ballots)).toHaveLength(10_000);
    expect(large.input.sheets).toEqual({ cadres: "干部名单", ballots: "测评票" });
    // The last ballot of the last cadre sits on sheet row 10,001 (header is row 1).
    expect(ballotRowsOf(large.input.ballots).at(-1)).toMatchObject({
      cadreId: "C199",
      row: 10_001,
      morality: 80,
      gradeVote: "称职",
    });
    expect(large.result.issues).toEqual([]);
    expect(large.result.cadres).toHaveLength(200);
    expect(large.result.cadres.every((c) => c.composite === 80)).toBe(true);

    // Find the sheets, their sizes, a sample, then the rest in payload-sized chunks (one chunk here: ~0.6 MB).
    expect(large.syncs).toBe(small.syncs);
    expect(large.syncs).toBeLessThanOrEqual(4);
  });
});
