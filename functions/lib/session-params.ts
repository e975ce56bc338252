import { z } from "zod";

export const SessionIdParam = z
  .string()
  .regex(/^[0-9A-Z]{6}$/, "会话编号为 6 位字母或数字 | a session id is 6 letters or digits");
