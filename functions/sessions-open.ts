import { SessionOpenSchema, SessionSummarySchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { ProblemError } from "./lib/problem.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";
import { latestPolicy, policyVersion, seedDefaults } from "./store/policies.ts";
import { openSession, sessionSummary } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "sessionsOpen",
  method: "POST",
  route: "sessions",
  roles: ["assessor"],
  summary: { "zh-CN": "开启扫码测评会话", en: "Open an electronic ballot session (扫码测评)" },
  description: {
    "zh-CN":
      "为一次考核开启测评会话：被测评干部、测评主体、方案（编号与版本）、票面（分数或方案等级，是否含等次票）。开启者即会话所有者，只有他能发码、看进度、结束和取票。",
    en: "Opens a ballot session for one assessment: its cadres, rater groups, policy (id and version) and ballot form (scores or the policy's levels, with or without the grade vote). The caller owns the session: only they can issue codes, watch progress, close it and read the ballots.",
  },
  maxBodyBytes: 512 * 1024,
  request: { body: SessionOpenSchema },
  responses: [
    {
      status: 201,
      description: { "zh-CN": "已开启", en: "Opened" },
      schema: SessionSummarySchema,
      headers: { Location: { "zh-CN": "会话地址", en: "The session's URL" } },
    },
    notFoundProblem("方案不存在", "Unknown policy or version"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body, caller }) => {
    await seedDefaults();
    const published = body.version
      ? await policyVersion(body.policyId, body.version)
      : await latestPolicy(body.policyId);
    if (!published)
      throw new ProblemError(404, "policy-not-found", {
        "zh-CN": `方案「${body.policyId}」${body.version ? `第 ${body.version} 版` : ""}未发布；请先发布方案或改选已发布的方案`,
        en: `policy "${body.policyId}"${body.version ? ` version ${body.version}` : ""} is not published; publish it first or choose a published one`,
      });
    const { policy, identity } = published;
    const groupKeys = body.groups ?? Object.keys(policy.raterGroups);
    const unknown = groupKeys.filter((g) => !(g in policy.raterGroups));
    if (unknown.length > 0)
      throw new ProblemError(
        400,
        "unknown-group",
        {
          "zh-CN": `测评主体 ${unknown.join("、")} 不在方案「${policy.id}」中`,
          en: `rater group(s) ${unknown.join(", ")} are not in policy "${policy.id}"`,
        },
        {
          errors: unknown.map((g) => ({
            path: ["groups", groupKeys.indexOf(g)],
            pointer: `/groups/${groupKeys.indexOf(g)}`,
            message: { "zh-CN": `未知测评主体「${g}」`, en: `unknown rater group "${g}"` },
          })),
        },
      );
    if (groupKeys.length > 20)
      throw new ProblemError(400, "too-many-groups", {
        "zh-CN": `一次测评最多 20 个测评主体，方案「${policy.id}」有 ${groupKeys.length} 个；请用 groups 选出本次参加的`,
        en: `a session takes at most 20 rater groups and policy "${policy.id}" has ${groupKeys.length}; choose this meeting's in "groups"`,
      });
    const ids = new Set<string>();
    body.cadres.forEach((c, i) => {
      if (ids.has(c.cadreId))
        throw new ProblemError(
          400,
          "duplicate-cadre",
          { "zh-CN": `干部编号「${c.cadreId}」重复`, en: `cadre id "${c.cadreId}" appears twice` },
          {
            errors: [
              {
                path: ["cadres", i, "cadreId"],
                pointer: `/cadres/${i}/cadreId`,
                message: { "zh-CN": "编号重复", en: "duplicate id" },
              },
            ],
          },
        );
      ids.add(c.cadreId);
    });
    const levels = Object.entries(policy.scale.levels)
      .map(([label, points]) => ({ label, points }))
      .sort((a, b) => b.points - a.points);
    if (body.form.scores === "levels" && levels.length === 0)
      throw new ProblemError(400, "no-levels", {
        "zh-CN": `方案「${policy.id}」没有等级（好、较好……），请改用分数票面`,
        en: `policy "${policy.id}" has no levels; use the numeric form`,
      });
    const { doc, meta } = await openSession(
      {
        title: body.title,
        policy: identity,
        form: body.form,
        cadres: body.cadres.map((c) => ({ ...c, unit: c.unit ?? "" })),
        groups: groupKeys.map((key) => ({ key, label: policy.raterGroups[key]!.label })),
        scale: { min: policy.scale.min, max: policy.scale.max },
        levels,
        expected: body.expected ?? null,
      },
      caller!.actor,
    );
    return {
      status: 201,
      json: await sessionSummary(meta, doc),
      headers: { Location: `/api/sessions/${doc.id}` },
    };
  },
});

export const sessionsOpen = operation.handler;
register(operation);
