import { SessionListSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { listOwnSessions } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "sessionsList",
  method: "GET",
  route: "sessions",
  roles: ["assessor"],
  summary: { "zh-CN": "我开启的测评会话", en: "The ballot sessions I opened" },
  request: {},
  responses: [
    { status: 200, description: { "zh-CN": "会话列表", en: "The sessions" }, schema: SessionListSchema },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ caller }) => ({ json: { items: await listOwnSessions(caller!.actor) } }),
});

export const sessionsList = operation.handler;
register(operation);
