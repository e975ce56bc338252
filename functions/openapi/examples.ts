import {
  DEFAULT_POLICY,
  checkQuorum,
  decideVote,
  runRounds,
  parseFraction,
  policyIdentity,
  scoreWithIdentity,
  tallyRecommendation,
  verdictBatch,
  type PolicyIdentity,
} from "../../shared/index.ts";
import { VERSION } from "../../shared/version.ts";
import { surveyExamples } from "./survey-examples.ts";
import { sessionExamples } from "./session-examples.ts";

/** A request and a response body per operation, shown in the OpenAPI documents. */
export interface OperationExamples {
  request?: unknown;
  response?: unknown;
}

const cadres = [
  { cadreId: "C001", name: "张三", unit: "发展改革局", post: "党政正职" },
  { cadreId: "C002", name: "李四", unit: "发展改革局", post: "党政副职" },
];
const ballots = ["superior", "peer", "subordinate"].flatMap((raterGroup, g) =>
  cadres.flatMap((c, k) =>
    [0, 1, 2].map((i) => ({
      ballotId: `${raterGroup.slice(0, 2).toUpperCase()}${i + 1}`,
      raterGroup,
      cadreId: c.cadreId,
      morality: 92 - k * 4 + i,
      ability: i === 0 ? "好" : 88 - g,
      diligence: 90 - k * 3,
      achievement: 86.5 + i,
      integrity: 95 - k * 2,
      gradeVote: i === 2 && k === 1 ? "基本称职" : i === 0 ? "优秀" : "称职",
    })),
  ),
);

const at = "2026-11-24T08:00:00.000Z";

const checkpoint = {
  seq: 0,

  head: "9".repeat(64),

  at,

  keyId: "3f2a9c0d41e7b655",

  signature: "a".repeat(64),
};

/** Built from the shared engine, so every example is a real answer of this version. */
export async function buildExamples(): Promise<Record<string, OperationExamples>> {
  const policy = DEFAULT_POLICY;
  const identity: PolicyIdentity = await policyIdentity(policy);
  const result = scoreWithIdentity(policy, identity, { cadres, ballots });
  const verdictItems = [
    {
      excellent: 12,
      competent: 9,
      basic: 6,
      incompetent: 3,
      blank: 0,
      composite: 86.4,
      dimensions: { morality: 88, ability: 85, diligence: 87, achievement: 86, integrity: 90 },
    },
    { excellent: 5, competent: 14, basic: 8, incompetent: 3, blank: 0 },
  ];
  const recommendation = {
    title: "2026 年中层干部选任民主推荐会",
    date: "2026-11-24",
    expected: 50,
    attendees: 42,
    posts: [
      {
        key: "office",
        label: "办公室主任",
        vacancies: 1,
        candidates: ["王五", "赵六", "孙七"],
        holds: [{ name: "孙七", reason: "信访举报核查中" }],
      },
      { key: "finance", label: "财务科科长", vacancies: 1, candidates: ["周八", "吴九"] },
    ],
    voterTypes: [
      { key: "leader", label: "领导班子成员" },
      { key: "middle", label: "中层干部" },
    ],
    ballots: [
      { ballotId: "R1", voterType: "leader", choices: { office: ["王五"], finance: ["周八"] } },
      { ballotId: "R2", voterType: "middle", choices: { office: ["王五"], finance: ["吴九"] } },
      { ballotId: "R3", voterType: "middle", choices: { office: ["赵六"], finance: ["周八"] } },
      { ballotId: "R4", voterType: "middle", choices: { office: [], finance: ["周八"] } },
    ],
  };
  const rounds = {
    title: "副局长公推公选",
    post: "副局长",
    vacancies: 1,
    candidates: ["王五", "赵六", "孙七"],
    rounds: [
      {
        label: "第一轮",
        advance: 2,
        expected: 10,
        attendees: 9,
        ballots: [{ names: ["王五", "赵六"] }, { names: ["王五", "孙七"] }, { names: ["王五", "赵六"] }],
      },
    ],
  };
  const decision = {
    title: "党组会议票决",
    post: "副局长",
    vacancies: 1,
    members: 8,
    attendees: 7,
    candidates: [
      { name: "王五", yes: 5, no: 1, abstain: 1 },
      { name: "赵六", yes: 2, no: 4, abstain: 1 },
    ],
  };
  const published = { identity, publishedAt: at, publishedBy: "system", policy };
  const summary = {
    id: "3f2b6c1e9d7a4b05",
    unit: "发展改革局",
    period: "2026",
    title: "2026 年度考核",
    policy: identity,
    cadres: result.cadres.length,
    submittedAt: at,
    submittedBy: "assessor@example.org",
  };
  const quorum = checkQuorum(42, 50, parseFraction(policy.quorum)!);
  return {
    score: { request: { policyId: "default", cadres, ballots }, response: result },
    rulesVerdict: {
      request: { policyId: "default", items: verdictItems },
      response: { policy: identity, results: verdictBatch(policy, verdictItems) },
    },
    rulesQuorum: {
      request: { policyId: "default", attendees: 42, expected: 50 },
      response: { policy: identity, ...quorum },
    },
    rulesQuorumBatch: {
      request: {
        policyId: "default",
        items: [
          { attendees: 40, expected: 50 },
          { attendees: 39, expected: 50 },
        ],
      },
      response: {
        policy: identity,
        results: [
          checkQuorum(40, 50, parseFraction(policy.quorum)!),
          checkQuorum(39, 50, parseFraction(policy.quorum)!),
        ],
      },
    },
    rulesRecommendation: {
      request: { policyId: "default", ...recommendation },
      response: { policy: identity, ...tallyRecommendation(policy, recommendation) },
    },
    rulesAdvance: {
      request: { policyId: "default", ...rounds },
      response: { policy: identity, ...runRounds(policy, rounds) },
    },
    rulesDecide: { request: decision, response: decideVote(decision) },
    policiesList: {
      response: {
        items: [
          { id: policy.id, version: policy.version, title: policy.title, sha256: identity.sha256, publishedAt: at },
        ],
      },
    },
    policiesGet: { response: published },
    policiesVersion: { response: published },
    policiesPut: {
      request: { ...policy, version: 2 },
      response: { ...published, identity: { ...identity, version: 2 } },
    },
    sheetsSubmit: {
      request: { unit: "发展改革局", period: "2026", title: "2026 年度考核", result },
      response: summary,
    },
    sheetsList: { response: { items: [summary] } },
    sheetsGet: { response: { ...summary, result } },
    auditList: {
      response: {
        items: [
          {
            seq: 0,
            at,
            actor: "system",
            action: "policy.publish",
            subject: "default@1",
            policy: identity,
            contentSha256: identity.sha256,
            prevHash: "0".repeat(64),
            keyId: "3f2a9c0d41e7b655",
            hash: "9".repeat(64),
          },
        ],
      },
    },
    auditVerify: {
      response: {
        ok: true,
        entries: 1,
        firstBroken: null,
        message: { "zh-CN": "审计链完整，共 1 条", en: "the audit chain verifies: 1 entry" },
      },
    },
    ...sessionExamples(identity),
    auditCheckpoint: { response: checkpoint },
    auditCheckpointVerify: {
      request: checkpoint,
      response: {
        ok: true,
        checkpoint,
        message: {
          "zh-CN": "检查点有效：审计链第 0 号记录及其哈希与签发时一致",
          en: "the checkpoint holds: audit entry 0 and its hash are as they were when it was signed",
        },
      },
    },
    adminSweepOrphans: { response: { deleted: ["0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b.json"] } },
    health: {
      response: {
        status: "ok",
        storage: "ok",
        version: VERSION,
        time: at,
        message: { "zh-CN": "服务正常", en: "service is up" },
      },
    },
    ...(await surveyExamples()),
  };
}
