import { CheckpointCheckSchema, CheckpointSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { KiB } from "./lib/params.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { checkpointSignatureValid, GENESIS_HASH, readChain, verifyChain } from "./store/ledger.ts";

export const operation = defineOperation({
  name: "auditCheckpointVerify",
  method: "POST",
  route: "audit/checkpoints/verify",
  roles: ["admin", "hr"],
  summary: {
    "zh-CN": "核对一份存档的检查点：签名是否本服务所签，审计链是否仍与之一致",
    en: "Check a filed checkpoint: signed by this service, and the audit chain still agrees with it",
  },
  maxBodyBytes: 4 * KiB,
  request: { body: CheckpointSchema },
  responses: [
    { status: 200, description: { "zh-CN": "核对结果", en: "The finding" }, schema: CheckpointCheckSchema },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => {
    const reply = (ok: boolean, zh: string, en: string) => ({
      json: { ok, checkpoint: body, message: { "zh-CN": zh, en } },
    });
    if (!checkpointSignatureValid(body))
      return reply(
        false,
        "检查点的签名无法验证：它不是本服务所签，或存档后被改动过，或其密钥已不在配置中",
        "the checkpoint's signature does not verify: this service did not sign it, it was altered after filing, or its key is no longer configured",
      );
    if (body.seq === -1)
      return reply(
        body.head === GENESIS_HASH,
        "检查点签发时审计链为空；签名有效",
        "the audit chain was empty when this checkpoint was signed; the signature is valid",
      );
    // The whole chain up to the checkpoint must still verify and end in the signed head.
    const { entries } = await readChain();
    const upTo = entries.filter((e) => e.seq <= body.seq);
    if (!verifyChain(upTo, { seq: body.seq, hash: body.head }).ok)
      return reply(
        false,
        `审计链第 ${body.seq} 号记录已与检查点不符（被删除或改写）：该记录或之前的记录在检查点签发后被改动过`,
        `audit entry ${body.seq} no longer matches the checkpoint (removed or rewritten): it or an earlier entry was altered after the checkpoint was signed`,
      );
    return reply(
      true,
      `检查点有效：审计链第 ${body.seq} 号记录及其哈希与签发时一致`,
      `the checkpoint holds: audit entry ${body.seq} and its hash are as they were when it was signed`,
    );
  },
});

export const auditCheckpointVerify = operation.handler;
register(operation);
