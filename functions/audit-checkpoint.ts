import { CheckpointSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { signCheckpoint } from "./store/ledger.ts";
import { seedDefaults } from "./store/policies.ts";

export const operation = defineOperation({
  name: "auditCheckpoint",
  method: "POST",
  route: "audit/checkpoints",
  roles: ["admin", "hr"],
  summary: {
    "zh-CN": "签发审计链检查点（序号、链头哈希、时间、签名），可存档于系统之外",
    en: "Sign a checkpoint of the audit chain (sequence, head hash, time, signature) to file outside the system",
  },
  description: {
    "zh-CN":
      "检查点由服务的审计链密钥签名，之后可用 audit/checkpoints/verify 核对：链头此后若被改写，核对即失败。校验（audit/verify）默认从最近的检查点之后开始。",
    en: "Signed with the service's chain key; check it later with audit/checkpoints/verify: if the chain up to it was rewritten since, the check fails. audit/verify starts after the latest checkpoint by default.",
  },
  maxBodyBytes: 1024,
  request: {},
  responses: [
    {
      status: 201,
      description: { "zh-CN": "已签发的检查点", en: "The signed checkpoint" },
      schema: CheckpointSchema,
    },
    ...COMMON_PROBLEMS,
  ],
  run: async () => {
    await seedDefaults();
    return { status: 201, json: await signCheckpoint() };
  },
});

export const auditCheckpoint = operation.handler;
register(operation);
