import type { HttpRequest } from "@azure/functions";
import type { z } from "zod";
import { ProblemError, validationProblem } from "./problem.ts";

const kib = (n: number) => (n >= 1024 * 1024 ? `${n / (1024 * 1024)} MiB` : `${n / 1024} KiB`);

/** Reads the body as bytes, refusing it (413) as soon as it passes the route's documented limit. */
export async function readBodyBytes(req: HttpRequest, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new ProblemError(413, "too-large", {
      "zh-CN": `请求内容超过本接口上限 ${kib(maxBytes)}`,
      en: `request body exceeds this operation's limit of ${kib(maxBytes)}`,
    });
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** JSON body, parsed then validated: malformed JSON is the caller's 400, never our 500. */
export async function readJson<S extends z.ZodType>(
  req: HttpRequest,
  schema: S,
  maxBytes: number,
): Promise<z.output<S>> {
  const type = req.headers.get("content-type");
  if (type && !/^application\/([a-z.+-]*\+)?json\b/i.test(type.trim()))
    throw new ProblemError(415, "unsupported-media-type", {
      "zh-CN": `请求内容须为 JSON（Content-Type: application/json），收到 ${type}`,
      en: `the body must be JSON (Content-Type: application/json), got ${type}`,
    });
  const bytes = await readBodyBytes(req, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ProblemError(400, "malformed-json", {
      "zh-CN": "请求内容不是有效的 UTF-8 文本",
      en: "the body is not valid UTF-8 text",
    });
  }
  if (text.trim() === "")
    throw new ProblemError(400, "malformed-json", {
      "zh-CN": "请求内容为空，须为 JSON",
      en: "the body is empty; JSON is required",
    });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ProblemError(400, "malformed-json", {
      "zh-CN": `请求内容不是有效的 JSON：${why}`,
      en: `the body is not valid JSON: ${why}`,
    });
  }
  const proto = protoKeyPath(value);
  if (proto) {
    const pointer = "/" + proto.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
    const message = {
      "zh-CN": "名称「__proto__」不能用作键名，请改用其他名称",
      en: 'the name "__proto__" cannot be used as a key; use another name',
    };
    throw new ProblemError(
      400,
      "validation",
      { "zh-CN": `请求内容 ${pointer} 处：${message["zh-CN"]}`, en: `request body at ${pointer}: ${message.en}` },
      { errors: [{ path: proto, pointer, message }] },
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationProblem(parsed.error);
  return parsed.data;
}

/** A file body (a workbook): its declared type must be one the operation takes; the bytes are checked by the reader. */
export async function readBinary(
  req: HttpRequest,
  contentTypes: readonly string[],
  maxBytes: number,
): Promise<Uint8Array> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && !contentTypes.includes(type))
    throw new ProblemError(415, "unsupported-media-type", {
      "zh-CN": `请上传 Excel 工作簿（Content-Type: ${contentTypes.join(" 或 ")}），收到 ${type}`,
      en: `upload an Excel workbook (Content-Type: ${contentTypes.join(" or ")}), got ${type}`,
    });
  const bytes = await readBodyBytes(req, maxBytes);
  if (bytes.byteLength === 0)
    throw new ProblemError(400, "empty-file", {
      "zh-CN": "没有收到文件：请在请求内容中上传 .xlsx 工作簿",
      en: "no file received: send the .xlsx workbook as the request body",
    });
  return bytes;
}

/**
 * The path of the first own "__proto__" key in parsed JSON: validation would silently drop it
 * (records skip it), so the caller would get a 2xx for data that was not kept. Walked without
 * recursion: bodies may nest deeply.
 */
function protoKeyPath(root: unknown): (string | number)[] | undefined {
  interface Step {
    key: string | number;
    up: Step | undefined;
  }
  const pathOf = (step: Step | undefined): (string | number)[] => {
    const out: (string | number)[] = [];
    for (let s = step; s; s = s.up) out.unshift(s.key);
    return out;
  };
  const stack: { value: unknown; at: Step | undefined }[] = [{ value: root, at: undefined }];
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    if (!value || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++)
        if (value[i] && typeof value[i] === "object") stack.push({ value: value[i], at: { key: i, up: at } });
    } else
      for (const k in value) {
        if (k === "__proto__") return pathOf({ key: k, up: at });
        const v = (value as Record<string, unknown>)[k];
        if (v && typeof v === "object") stack.push({ value: v, at: { key: k, up: at } });
      }
  }
  return undefined;
}
