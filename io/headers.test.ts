import { describe, expect, it } from "vitest";
import { BALLOT_COLUMNS, mapHeaders } from "./headers.ts";

const columnsOf = (headers: string[]) => Object.fromEntries(mapHeaders("Ballots", headers, BALLOT_COLUMNS).columns);

describe("header matching", () => {
  it("accepts the key, the Chinese label, both, and English words in any case", () => {
    const expected = {
      ballotId: 1,
      raterGroup: 2,
      cadreId: 3,
      morality: 4,
      ability: 5,
      diligence: 6,
      achievement: 7,
      integrity: 8,
      gradeVote: 9,
    };
    expect(columnsOf(["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"])).toEqual(expected);
    expect(
      columnsOf([
        "ballotId",
        "raterGroup",
        "cadreId",
        "morality",
        "ability",
        "diligence",
        "achievement",
        "integrity",
        "gradeVote",
      ]),
    ).toEqual(expected);
    expect(
      columnsOf([
        "BALLOT ID",
        "Rater group",
        "Cadre Id",
        "MORALITY",
        "Ability",
        "Diligence",
        "Achievement",
        "Integrity",
        "Grade vote",
      ]),
    ).toEqual(expected);
    expect(
      columnsOf([
        "票号 ballotId",
        "测评主体 / raterGroup",
        "编号 cadreId",
        "德Morality",
        "能 (Ability)",
        "勤｜Diligence",
        "绩：Achievement",
        "廉 Integrity",
        "等次 Grade vote",
      ]),
    ).toEqual(expected);
  });

  it("lists what it found when a required column is missing", () => {
    expect(() => mapHeaders("测评票", ["票号", "编号", "德"], BALLOT_COLUMNS)).toThrow(
      /测评主体（raterGroup）.*「票号」 「编号」 「德」/,
    );
  });
});
