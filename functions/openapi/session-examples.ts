import type { PolicyIdentity } from "../../shared/index.ts";
import type { OperationExamples } from "./examples.ts";

/** Examples for the ballot-session operations (扫码测评). */
export function sessionExamples(identity: PolicyIdentity): Record<string, OperationExamples> {
  const at = "2026-11-24T08:00:00.000Z";
  const code = "K7M2Q9ABCDEFGHJKMNPQRSTVWX";
  const receipt = "3f".repeat(32);
  const summary = {
    id: "K7M2Q9",
    title: "2026 年度发展改革局领导班子考核大会",
    status: "open",
    policy: identity,
    form: { scores: "levels", gradeVote: true },
    cadres: 2,
    expected: 40,
    openedAt: at,
    closedAt: null,
    issued: 30,
    returned: 12,
    groups: [
      { group: "peer", label: "同级", issued: 10, returned: 7 },
      { group: "subordinate", label: "下级", issued: 20, returned: 5 },
    ],
  };
  const answer = {
    cadreId: "C001",
    morality: "好",
    ability: "较好",
    diligence: "好",
    achievement: "较好",
    integrity: "好",
    gradeVote: "称职",
  };
  return {
    sessionsOpen: {
      request: {
        title: summary.title,
        policyId: identity.id,
        version: identity.version,
        cadres: [
          { cadreId: "C001", name: "张三", unit: "发展改革局", post: "党政正职" },
          { cadreId: "C002", name: "李四", unit: "发展改革局", post: "党政副职" },
        ],
        groups: ["peer", "subordinate"],
        form: { scores: "levels", gradeVote: true },
        expected: 40,
      },
      response: {
        ...summary,
        issued: 0,
        returned: 0,
        groups: summary.groups.map((g) => ({ ...g, issued: 0, returned: 0 })),
      },
    },
    sessionsList: { response: { items: [summary] } },
    sessionsGet: { response: summary },
    sessionsCodes: {
      request: { group: "peer", count: 1 },
      response: { group: "peer", label: "同级", title: summary.title, codes: [code], issued: 11 },
    },
    sessionsClose: { response: { id: "K7M2Q9", returned: 12, receiptsSha256: "a1".repeat(32), auditSeq: 42 } },
    sessionsBallots: {
      response: {
        session: "K7M2Q9",
        policy: identity,
        form: { scores: "levels", gradeVote: true },
        rows: [{ ballotId: receipt, raterGroup: "同级", ...answer }],
      },
    },
    sessionsReceipts: {
      response: {
        session: "K7M2Q9",
        title: summary.title,
        closedAt: at,
        receipts: [receipt],
        receiptsSha256: "a1".repeat(32),
      },
    },
    sessionsForm: {
      request: { code },
      response: {
        session: "K7M2Q9",
        title: summary.title,
        group: { key: "peer", label: "同级" },
        cadres: [{ cadreId: "C001", name: "张三", unit: "发展改革局" }],
        dimensions: [{ key: "morality", label: { "zh-CN": "德", en: "Morality" } }],
        scores: "levels",
        scale: { min: 0, max: 100 },
        levels: [
          { label: "好", points: 95 },
          { label: "较好", points: 85 },
        ],
        gradeVote: true,
        grades: [{ label: "称职", en: "Competent" }],
      },
    },
    sessionsSubmit: { request: { code, answers: [answer] }, response: { receipt, session: "K7M2Q9" } },
  };
}
