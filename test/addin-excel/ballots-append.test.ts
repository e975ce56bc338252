/** Phone ballots pulled into 测评票: under the paper rows, never over them, and never without their grade votes. */
import { beforeEach, describe, expect, it } from "vitest";
import { appendBallotRows } from "../../addin/excel/ballots-append.ts";
import { readAssessment } from "../../addin/excel/index.ts";
import { ballotRowsOf } from "../../shared/index.ts";
import type { Standin } from "../standin/index.ts";
import { freshStandin, typeInto } from "./helpers.ts";

let s: Standin;
beforeEach(async () => {
  s = freshStandin();
  await typeInto(s, "干部名单", [
    ["编号", "姓名", "单位", "岗位类别"],
    ["C001", "张三", "办公室", "党政正职"],
  ]);
});

const phone = (ballotId: string, gradeVote: string) => ({
  ballotId,
  raterGroup: "peer",
  cadreId: "C001",
  morality: 90,
  ability: 88,
  diligence: 86,
  achievement: 84,
  integrity: 92,
  gradeVote,
});

describe("appendBallotRows", () => {
  it("adds a 等次 column when the paper form has none, so the phones' grade votes are kept and read", async () => {
    await typeInto(s, "测评票", [
      ["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉"],
      ["P1", "同级", "C001", 80, 80, 80, 80, 80],
    ]);
    const outcome = await appendBallotRows([phone("r1", "优秀"), phone("r2", "")]);
    expect(outcome).toMatchObject({ addedVoteColumn: true, appended: 2, firstRow: 3, lastRow: 4 });
    const values = s.inspect.values("测评票");
    expect(values[0]![8]).toBe("等次 gradeVote");
    expect(values.map((r) => r[8] ?? "")).toEqual(["等次 gradeVote", "", "优秀", ""]);
    // The paper row is untouched, and the reader now sees a form with a vote column: the phone vote counts.
    expect(values[1]!.slice(0, 8)).toEqual(["P1", "同级", "C001", 80, 80, 80, 80, 80]);
    const read = await readAssessment();
    expect(read.voteColumn).toBe(true);
    expect(ballotRowsOf(read.ballots).map((b) => b.gradeVote ?? null)).toEqual([null, "优秀", null]);
  });

  it("uses the existing 等次 column and adds nothing when the form has one", async () => {
    await typeInto(s, "测评票", [["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"]]);
    const outcome = await appendBallotRows([phone("r1", "称职")]);
    expect(outcome).toMatchObject({ addedVoteColumn: false, appended: 1 });
    expect(s.inspect.values("测评票")[0]).toHaveLength(9);
    expect(s.inspect.values("测评票")[1]![8]).toBe("称职");
  });
});
