import { z } from "zod";
import { PolicySchema, PublishedPolicySchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { KiB, PolicyIdParam } from "./lib/params.ts";
import { ProblemError } from "./lib/problem.ts";
import { COMMON_PROBLEMS, problemSpec } from "./lib/responses.ts";
import { policyEtag, publishPolicy } from "./store/policies.ts";
import { forgetLatestPolicy } from "./lib/policy-cache.ts";

export const operation = defineOperation({
  name: "policiesPut",
  method: "PUT",
  route: "policies/{id}",
  roles: ["admin"],
  summary: {
    "zh-CN": "发布考核方案的新版本（不可更改；须带 If-Match）",
    en: "Publish a new immutable version of a policy (needs If-Match)",
  },
  description: {
    "zh-CN":
      "版本号由服务器按上一版加一确定（请求中的 version 被忽略）。已有方案须带 If-Match: 当前 ETag，否则 412；新建方案不带 If-Match。请求上限 30 KiB。",
    en: "The server numbers the version (previous + 1; the body's version is ignored). An existing policy needs If-Match with its current ETag, else 412; a new id takes none. Body limit 30 KiB.",
  },
  // A policy is stored as one table property (at most 64 KiB of UTF-16): 30 KiB of UTF-8, plus the
  // defaults the schema fills in, always fits.
  maxBodyBytes: 30 * KiB,
  request: {
    params: z.object({ id: PolicyIdParam }),
    body: PolicySchema,
    headers: {
      "If-Match": {
        required: false,
        description: {
          "zh-CN": "当前版本的 ETag（新建时省略）",
          en: "The current version's ETag (omit when creating)",
        },
      },
    },
  },
  responses: [
    {
      status: 201,
      description: { "zh-CN": "已发布的新版本", en: "The newly published version" },
      schema: PublishedPolicySchema,
      headers: { ETag: { "zh-CN": "新版本的 ETag", en: "ETag of the new version" } },
    },
    problemSpec(412, "If-Match 缺失或不是当前 ETag", "If-Match missing or not the current ETag"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ req, params, body, caller }) => {
    // Sheets scored under a made-up policy are stored as unpublished:<id>; no published id may look like that.
    if (/^unpublished/i.test(params.id))
      throw new ProblemError(
        400,
        "reserved-policy-id",
        {
          "zh-CN": `方案编号不能以 unpublished 开头（「${params.id}」）：此前缀留给未发布方案评分的考评表；请换一个编号`,
          en: `a policy id cannot start with "unpublished" ("${params.id}"): that prefix marks sheets scored under unpublished policies; choose another id`,
        },
        { errors: [{ path: ["id"], pointer: "/id", message: { "zh-CN": "此前缀已保留", en: "reserved prefix" } }] },
      );
    if (body.id !== params.id)
      throw new ProblemError(
        400,
        "validation",
        {
          "zh-CN": `方案内容中的 id「${body.id}」与地址中的「${params.id}」不一致`,
          en: `the body's id "${body.id}" differs from the path's "${params.id}"`,
        },
        {
          errors: [
            {
              path: ["id"],
              pointer: "/id",
              message: { "zh-CN": `须为「${params.id}」`, en: `must be "${params.id}"` },
            },
          ],
        },
      );
    let published;
    try {
      published = await publishPolicy(params.id, body, req.headers.get("if-match") ?? undefined, caller!.actor);
    } finally {
      // Even a publish whose answer was lost may have landed: the rules operations ask the store again.
      forgetLatestPolicy();
    }
    const etag = policyEtag(published.identity);
    return {
      status: 201,
      json: published,
      headers: { ETag: etag, Location: `/api/policies/${params.id}/versions/${published.identity.version}` },
    };
  },
});

export const policiesPut = operation.handler;
register(operation);
