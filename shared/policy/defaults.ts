import { PolicySchema, type Policy, type PolicyInput } from "../schemas/policy.ts";

/**
 * Post categories and their dimension weights.
 * Sources: 《党政领导干部考核工作条例》(2019) 第五条 names 德、能、勤、绩、廉 and asks that
 * 实绩 weigh most for leading posts; 《公务员考核规定》(2020) 第五条 the same five for civil servants,
 * 重点考核工作实绩. Principals carry the most 绩 and 德 (the spec's worked policy); deputies and
 * department heads shift weight to 勤 and 能 (they execute); technical posts weigh 能 most
 * (《事业单位工作人员考核规定》2023: 专业技术 emphasises 能力); staff weigh 勤 and 绩 equally.
 * 廉 stays at 0.10 for all: it is also guarded by the veto below, not by weight alone.
 */
const POSTS: PolicyInput["posts"] = {
  principal: {
    label: "党政正职",
    weights: { morality: 0.25, ability: 0.2, diligence: 0.15, achievement: 0.3, integrity: 0.1 },
  },
  deputy: {
    label: "党政副职",
    weights: { morality: 0.25, ability: 0.2, diligence: 0.2, achievement: 0.25, integrity: 0.1 },
  },
  department_head: {
    label: "部门负责人",
    weights: { morality: 0.2, ability: 0.25, diligence: 0.2, achievement: 0.25, integrity: 0.1 },
  },
  technical: {
    label: "专业技术",
    weights: { morality: 0.2, ability: 0.3, diligence: 0.15, achievement: 0.25, integrity: 0.1 },
  },
  staff: {
    label: "一般干部",
    weights: { morality: 0.2, ability: 0.2, diligence: 0.25, achievement: 0.25, integrity: 0.1 },
  },
};

/** Spec section 7's worked policy, with the regulations' defaults. */
const BASE: PolicyInput = {
  id: "default",
  version: 1,
  title: "年度考核（领导干部）",
  // The five-level labels used on paper ballots (好/较好/一般/较差/差), spec section 2.
  scale: { min: 0, max: 100, levels: { 好: 95, 较好: 85, 一般: 70, 较差: 55, 差: 40 } },
  posts: POSTS,
  // 上级、同级、下级、服务对象: 《党政领导干部考核工作条例》第二十条 民主测评 by these groups.
  raterGroups: {
    superior: { label: "上级领导", weight: 0.3 },
    peer: { label: "同级", weight: 0.3 },
    subordinate: { label: "下级", weight: 0.3 },
    service: { label: "服务对象", weight: 0.1 },
  },
  // 去掉一个最高分、一个最低分 once a group has enough ballots for it to be fair.
  trim: { minBallots: 7, high: 1, low: 1 },
  minGroupBallotsToReport: 3,
  bands: { excellent: 90, competent: 75, basic: 60 },
  // 两个三分之二 / 三分之一 不称职 / 优秀票过半: 《推进领导干部能上能下规定》 and local practice.
  voteRules: { competentMin: "2/3", incompetentMax: "1/3", excellentMin: "1/2", base: "ballots" },
  // 一票否决: 德 or 廉 below 60.
  vetoes: [
    { dimension: "integrity", below: 60 },
    { dimension: "morality", below: 60 },
  ],
  // 《党政领导干部考核工作条例》: 优秀等次人数一般不超过 25%.
  excellentQuota: { share: "1/4", scope: "assessment", rounding: "floor" },
  // 五分之四: a meeting is valid when at least 4/5 of those expected attend.
  quorum: "4/5",
  recommendation: { majorityBase: "validBallots", extra: 1, writeIns: true },
};

/** 《公务员考核规定》(2020) 第十一条: 优秀 一般掌握在 20% 以内. */
const CIVIL_SERVANT: PolicyInput = {
  ...BASE,
  id: "civil-servant",
  title: "年度考核（公务员）",
  excellentQuota: { share: "1/5", scope: "assessment", rounding: "floor" },
};

export const DEFAULT_POLICIES: readonly Policy[] = [BASE, CIVIL_SERVANT].map((p) => PolicySchema.parse(p));
export const DEFAULT_POLICY: Policy = DEFAULT_POLICIES[0]!;
