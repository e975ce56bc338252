import { DEFAULT_POLICIES, fieldProblems, PolicySchema, type Policy } from "../shared/index.ts";
import { InputError } from "./errors.ts";

/** Parses and validates a policy document; every field problem is listed with its JSON path. */
export function parsePolicy(text: string, fileName = "policy.json"): Policy {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new InputError("invalid_policy", {
      "zh-CN": `考核方案「${fileName}」不是有效的 JSON：${why}`,
      en: `policy ${fileName} is not valid JSON: ${why}`,
    });
  }
  const parsed = PolicySchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = fieldProblems(parsed.error);
  throw new InputError(
    "invalid_policy",
    {
      "zh-CN": `考核方案「${fileName}」有 ${problems.length} 处问题`,
      en: `policy ${fileName} has ${problems.length} problem(s)`,
    },
    problems.map((p) => ({
      "zh-CN": `${p.pointer || "/"}：${p.message["zh-CN"]}`,
      en: `${p.pointer || "/"}: ${p.message.en}`,
    })),
  );
}

/** A built-in policy by id (`default`, `civil-servant`). */
export function builtInPolicy(id: string): Policy {
  const policy = DEFAULT_POLICIES.find((p) => p.id === id);
  if (policy) return policy;
  const ids = DEFAULT_POLICIES.map((p) => p.id).join(", ");
  throw new InputError(
    "invalid_policy",
    { "zh-CN": `没有内置考核方案「${id}」，可选：${ids}`, en: `no built-in policy "${id}"; choose one of: ${ids}` },
    [],
    2,
  );
}
