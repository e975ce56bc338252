import { describe, expect, it } from "vitest";
import { ISSUE_CODES, issueMessage } from "../../shared/index.ts";
import { fieldLabel, issueLabel, plainIssueMessage } from "./labels.ts";

const KEYS = /\b(morality|ability|diligence|achievement|integrity|raterGroup|cadreId|ballotId|gradeVote)\b/;

describe("labels in the user's words", () => {
  it("names fields and rules in Chinese", () => {
    expect(fieldLabel("integrity")["zh-CN"]).toBe("廉");
    expect(fieldLabel("raterGroup")["zh-CN"]).toBe("测评主体");
    expect(issueLabel("out_of_range")["zh-CN"]).toBe("超出范围");
    expect(issueLabel("unknown_cadre")["zh-CN"]).toBe("编号不在名单中");
  });

  it("takes the field key out of every issue sentence, in both languages", () => {
    for (const code of ISSUE_CODES)
      for (const field of ["integrity", "raterGroup", "cadreId", "ballotId", "gradeVote"]) {
        const message = issueMessage(code, {
          sheet: "测评票",
          row: 86,
          field,
          value: "x",
          min: 0,
          max: 100,
          other: "3",
        });
        const plain = plainIssueMessage(message, field);
        expect(plain["zh-CN"], `${code} ${field}`).not.toMatch(KEYS);
        expect(plain.en, `${code} ${field}`).not.toMatch(KEYS);
      }
    const msg = issueMessage("out_of_range", {
      sheet: "测评票",
      row: 86,
      field: "integrity",
      value: 120,
      min: 0,
      max: 100,
    });
    expect(plainIssueMessage(msg, "integrity")["zh-CN"]).toBe(
      "测评票 第 86 行「廉」：120 超出分值范围 0–100，此票不计分",
    );
    expect(plainIssueMessage(msg, "integrity").en).toBe(
      "测评票 row 86, Integrity: 120 is outside the scale 0–100; ballot not scored",
    );
  });
});
