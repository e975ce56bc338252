/**
 * One table, two doors: ballots typed into a CSV file (streamed into columns by the CLI's reader) and the same
 * cells sent as JSON rows (the API) score alike, cell quirks and broken rows included.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { DEFAULT_POLICY, DIMENSIONS, scoreWithIdentity, type AssessmentResult } from "../../shared/index.ts";
import { readCsvPair } from "../../io/read-csv.ts";

const IDENTITY = { id: "test", version: 1, sha256: "0".repeat(64) };
const POSTS = Object.keys(DEFAULT_POLICY.posts);
const GROUPS = [...Object.keys(DEFAULT_POLICY.raterGroups), "同级", "上級", "nobody"];
/** Cells as people type them: numbers, full-width digits, spaces, level labels, and a few the engine refuses. */
const CELL = fc.oneof(
  fc.integer({ min: 0, max: 10000 }).map((h) => String(h / 100)),
  fc.constantFrom("８５", " 90 ", "好", "较好", "85.5", "", "101", "abc", "12.345", "-1"),
);
const VOTE = fc.constantFrom("优秀", "称职", "基本称职", "不称职", "competent", "稱職", "", "良好");

const tableArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    posts: fc.array(fc.constantFrom(...POSTS, "无此岗位"), { minLength: n, maxLength: n }),
    ballots: fc.array(
      fc.record({
        ballot: fc.integer({ min: 1, max: 12 }),
        group: fc.constantFrom(...GROUPS),
        cadre: fc.constantFrom(...Array.from({ length: n + 1 }, (_, i) => `C${i}`), " c1", "C 2"),
        scores: fc.array(CELL, { minLength: 5, maxLength: 5 }),
        vote: VOTE,
      }),
      { maxLength: 60 },
    ),
  }),
);

const utf8 = (s: string) => new TextEncoder().encode(s);
const comparable = (r: AssessmentResult) => ({
  cadres: r.cadres,
  issues: r.issues.map((i) => ({ ...i, value: i.value === null ? null : String(i.value) })),
});

describe("CSV streamed into columns and JSON rows give one answer", () => {
  it("for random tables with quirky and broken cells", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const cadreRows = t.posts.map((post, i) => ({ cadreId: `C${i}`, name: `干部${i}`, unit: "甲", post }));
        const ballotRows = t.ballots.map((b) => [`B${b.ballot}`, b.group, b.cadre, ...b.scores, b.vote]);
        const header = ["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"];
        const csv = readCsvPair(
          { bytes: utf8(stringify(cadreRows, { header: true })), name: "干部名单.csv" },
          { bytes: utf8(stringify([header, ...ballotRows])), name: "测评票.csv" },
        );
        const fromCsv = scoreWithIdentity(DEFAULT_POLICY, IDENTITY, csv);
        const fromJson = scoreWithIdentity(DEFAULT_POLICY, IDENTITY, {
          cadres: cadreRows.map((c, i) => ({ ...c, row: i + 2 })),
          ballots: ballotRows.map((cells, k) => ({
            row: k + 2,
            ballotId: cells[0]!,
            raterGroup: cells[1]!,
            cadreId: cells[2]!,
            ...Object.fromEntries(DIMENSIONS.map((d, j) => [d, cells[3 + j] === "" ? null : cells[3 + j]!])),
            gradeVote: cells[8] === "" ? null : cells[8]!,
          })),
          sheets: { cadres: "干部名单.csv", ballots: "测评票.csv" },
        });
        expect(comparable(fromCsv)).toEqual(comparable(fromJson));
      }),
      { numRuns: 200 },
    );
  });
});
