import {
  PolicySchema,
  SheetSubmitSchema,
  SheetSummarySchema,
  fieldProblem,
  policyIdentity,
  policyMismatches,
  verifyResult,
  type AssessmentResult,
  type Policy,
  type PolicyIdentity,
} from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { MiB } from "./lib/params.ts";
import { ProblemError } from "./lib/problem.ts";
import { COMMON_PROBLEMS, problemSpec } from "./lib/responses.ts";
import { policyVersion } from "./store/policies.ts";
import { submitSheet, UNPUBLISHED_PREFIX } from "./store/sheets.ts";

export const operation = defineOperation({
  name: "sheetsSubmit",
  method: "POST",
  route: "sheets",
  roles: ["assessor"],
  visibility: "important",
  summary: { "zh-CN": "提交考评结果表（附方案身份）", en: "Submit a scored sheet (with its policy identity)" },
  description: {
    "zh-CN":
      "结果中的方案身份须为已发布版本，否则须在 policy 中附上方案本身（其 sha256 须一致）；附带的方案若不是该编号与版本的已发布文本，考评表即以「未发布方案」保存和列出（方案编号 unpublished:…，并附说明），不是正式结果。带 Idempotency-Key 时，同一提交者用同一键重复提交只保存一次并返回同一编号。请求上限 32 MiB。",
    en: "The result's policy identity must be a published version, or the policy itself must come along in `policy` (its sha256 must match); an attached policy that is not the published document of its id and version makes the sheet stored and listed as unpublished (policy id unpublished:…, with a notice), not an official result. With an Idempotency-Key, the same caller's same key stores once and returns the same id. Body limit 32 MiB.",
  },
  maxBodyBytes: 32 * MiB,
  request: {
    body: SheetSubmitSchema,
    headers: {
      "Idempotency-Key": {
        required: false,
        description: { "zh-CN": "幂等键（1–200 个字符）", en: "Idempotency key (1 to 200 characters)" },
      },
    },
  },
  responses: [
    {
      status: 201,
      description: { "zh-CN": "已保存", en: "Stored" },
      schema: SheetSummarySchema,
      headers: { Location: { "zh-CN": "考评表地址", en: "The sheet's URL" } },
    },
    {
      status: 200,
      description: {
        "zh-CN": "同一幂等键此前已保存，返回原编号",
        en: "Already stored under this Idempotency-Key; the same id",
      },
      schema: SheetSummarySchema,
    },
    problemSpec(404, "结果所用方案未发布且未附方案", "The result's policy is not published and none was attached"),
    problemSpec(
      422,
      "结果与其自身数值或方案规则不符（逐处列出字段路径），或幂等键已用于不同内容",
      "The result contradicts its own numbers or the policy's rules (each field path listed), or the Idempotency-Key was used for different content",
    ),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ req, body, caller }) => {
    const key = req.headers.get("idempotency-key") ?? undefined;
    if (key !== undefined && (key.length < 1 || key.length > 200))
      throw new ProblemError(400, "validation", {
        "zh-CN": "Idempotency-Key 须为 1–200 个字符",
        en: "Idempotency-Key must be 1 to 200 characters",
      });
    const { policy, identity, unpublished } = await policyFor(body.result.policy, body.policy);
    checkAgainstPolicy(body.result, policy);
    checkConsistent(body.result, policy);
    const { summary, replayed } = await submitSheet({
      unit: body.unit,
      period: body.period,
      title: body.title,
      result: body.result,
      policy,
      identity,
      unpublished,
      actor: caller!.actor,
      idempotencyKey: key,
    });
    return {
      status: replayed ? 200 : 201,
      json: summary,
      headers: { Location: `/api/sheets/${summary.id}`, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) },
    };
  },
});

/**
 * The policy a result names: published (same id, version and sha256), or attached. An attached
 * policy that is not the published document of its id and version is stored as unpublished, under
 * an identity in the unpublished: namespace that no published policy can have: a made-up policy can
 * never pass for the official one by borrowing its id and version.
 */
async function policyFor(
  identity: PolicyIdentity,
  attached: Policy | undefined,
): Promise<{ policy: Policy; identity: PolicyIdentity; unpublished: boolean }> {
  const mismatch = (path: string[], zh: string, en: string) =>
    new ProblemError(
      400,
      "policy-mismatch",
      { "zh-CN": zh, en },
      { errors: [fieldProblem(path, { "zh-CN": zh, en })] },
    );
  if (attached) {
    const own = await policyIdentity(PolicySchema.parse(attached));
    if (own.id !== identity.id || own.version !== identity.version || own.sha256 !== identity.sha256)
      throw mismatch(
        ["policy"],
        `附带的方案（${own.id} 第 ${own.version} 版，sha256 ${own.sha256.slice(0, 12)}…）与结果所用方案（${identity.id} 第 ${identity.version} 版，sha256 ${identity.sha256.slice(0, 12)}…）不一致`,
        `the attached policy (${own.id} v${own.version}, sha256 ${own.sha256.slice(0, 12)}…) is not the one the result names (${identity.id} v${identity.version}, sha256 ${identity.sha256.slice(0, 12)}…)`,
      );
    const published = await policyVersion(own.id, own.version);
    if (published && published.identity.sha256 === own.sha256)
      return { policy: published.policy, identity: published.identity, unpublished: false };
    return { policy: attached, identity: { ...own, id: `${UNPUBLISHED_PREFIX}${own.id}` }, unpublished: true };
  }
  const published = await policyVersion(identity.id, identity.version);
  if (!published)
    throw new ProblemError(404, "policy-not-found", {
      "zh-CN": `结果所用方案「${identity.id}」第 ${identity.version} 版未在服务器发布；请在 policy 中附上方案本身`,
      en: `the result's policy "${identity.id}" version ${identity.version} is not published here; attach the policy itself in "policy"`,
    });
  if (published.identity.sha256 !== identity.sha256)
    throw mismatch(
      ["result", "policy", "sha256"],
      `结果中的方案 sha256 与已发布的「${identity.id}」第 ${identity.version} 版不一致`,
      `the result's policy sha256 differs from the published "${identity.id}" version ${identity.version}`,
    );
  return { policy: published.policy, identity: published.identity, unpublished: false };
}

/** A result must speak the policy's vocabulary (posts, rater groups), or HR's workbook could not show it. */
function checkAgainstPolicy(result: AssessmentResult, policy: Policy) {
  const errors = policyMismatches(result, policy);
  if (errors.length > 0)
    throw new ProblemError(
      400,
      "result-policy-mismatch",
      {
        "zh-CN": `结果与其方案不符（${errors.length} 处）：${errors[0]!.message["zh-CN"]}`,
        en: `the result does not fit its policy (${errors.length} problem(s)): ${errors[0]!.message.en}`,
      },
      { errors: errors.slice(0, 100) },
    );
}

/**
 * The functions are the authority for threshold verdicts: a result whose grades, verdicts, ranks or
 * rounding do not follow from its own numbers and the policy is refused (422) and nothing is stored.
 */
function checkConsistent(result: AssessmentResult, policy: Policy) {
  const errors = verifyResult(policy, result);
  if (errors.length === 0) return;
  const first = errors[0]!;
  throw new ProblemError(
    422,
    "result-inconsistent",
    {
      "zh-CN": `结果与其精确值、票数或方案规则不符（${errors.length} 处），未保存；首处 ${first.pointer}：${first.message["zh-CN"]}`,
      en: `the result contradicts its exact values, votes or the policy's rules (${errors.length} problem(s)); nothing was stored; first at ${first.pointer}: ${first.message.en}`,
    },
    { errors: errors.slice(0, 100) },
  );
}

export const sheetsSubmit = operation.handler;
register(operation);
