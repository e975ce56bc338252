import { DIMENSIONS, DIMENSION_LABELS, FormRequestSchema, RaterFormSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { notFoundProblem, problemSpec, PUBLIC_PROBLEMS } from "./lib/responses.ts";
import { resolveCode } from "./lib/rater-code.ts";
import { GRADE_VOTE_LABELS } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "sessionsForm",
  method: "POST",
  route: "vote/form",
  roles: "public",
  summary: { "zh-CN": "凭测评码取票面（无需登录）", en: "Load the ballot form by code (no sign-in)" },
  description: {
    "zh-CN": "码放在请求体中而不是地址里，不进入访问日志。",
    en: "The code travels in the body, not the URL, so it never reaches an access log.",
  },
  maxBodyBytes: 1024,
  request: { body: FormRequestSchema },
  responses: [
    { status: 200, description: { "zh-CN": "票面", en: "The form" }, schema: RaterFormSchema },
    notFoundProblem("测评码无效", "Unknown code"),
    problemSpec(409, "此码已投过票", "The code has already voted"),
    problemSpec(410, "测评已结束", "The session has closed"),
    problemSpec(429, "错误的码输入过多", "Too many wrong codes"),
    ...PUBLIC_PROBLEMS,
  ],
  run: async ({ req, body }) => {
    const { doc, group } = await resolveCode(req, body.code, true);
    return {
      json: {
        session: doc.id,
        title: doc.title,
        group: { key: group, label: doc.groups.find((g) => g.key === group)?.label ?? group },
        cadres: doc.cadres.map((c) => ({ cadreId: c.cadreId, name: c.name, unit: c.unit })),
        dimensions: DIMENSIONS.map((key) => ({ key, label: DIMENSION_LABELS[key] })),
        scores: doc.form.scores,
        scale: doc.scale,
        levels: doc.levels,
        gradeVote: doc.form.gradeVote,
        grades: GRADE_VOTE_LABELS,
      },
      headers: { "Cache-Control": "no-store" },
    };
  },
});

export const sessionsForm = operation.handler;
register(operation);
