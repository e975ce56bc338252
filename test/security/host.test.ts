/**
 * Issue 8 items 6 and 19 (headers): the local host refuses before it reads. A request without a
 * token, or declaring more than the route takes, is answered before its body is read, and the body
 * is never buffered; over-long headers get a problem+json 431.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../integration/harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
});

const MiB = 1024 * 1024;

/**
 * Streams up to `declared` bytes of body in 1 MiB chunks and stops as soon as an answer arrives;
 * returns the answer and how much had been sent by then.
 */
function post(
  path: string,
  declared: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string; sentBeforeAnswer: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(`${stack.apiBase}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(declared), ...headers },
    });
    req.on("response", (res) => {
      answered = true;
      const at = sent;
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body, sentBeforeAnswer: at });
      });
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(MiB, 0x20);
    const pump = () => {
      while (!answered && sent < declared) {
        sent += MiB;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("issue 8 item 6: the token and the declared length are checked before the body is read", () => {
  it("six parallel 99 MB posts without a token are each answered 401 long before their bodies are sent, and not buffered", async () => {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const answers = await Promise.all(Array.from({ length: 6 }, () => post("/score", 99 * MiB)));
    const grown = process.memoryUsage().rss - rssBefore;
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.type).toContain("application/problem+json");
      expect(JSON.parse(a.body).message.en).toContain("missing access token");
      // The answer came while most of the body was still unsent.
      expect(a.sentBeforeAnswer).toBeLessThan(32 * MiB);
    }
    // Six 99 MB bodies buffered would be about 600 MB.
    expect(grown).toBeLessThan(300 * MiB);
  });

  it("with a valid token, a declared length over the route's limit is 413 before the body is read", async () => {
    const token = await stack.token("assessor");
    const a = await post("/rules/quorum", 50 * MiB, { Authorization: `Bearer ${token}` });
    expect(a.status).toBe(413);
    expect(a.type).toContain("application/problem+json");
    expect(JSON.parse(a.body).message.en).toContain("64 KiB");
    expect(a.sentBeforeAnswer).toBeLessThan(32 * MiB);
  });

  it("a body that turns out longer than its route's limit is cut off at the limit, not read to the end", async () => {
    const token = await stack.token("assessor");
    // Chunked (no Content-Length): the host reads only up to the limit, then refuses.
    const answer = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = request(`${stack.apiBase}/rules/quorum`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${token}`,
          "Transfer-Encoding": "chunked",
        },
      });
      req.on("response", (res) => {
        answered = true;
        const at = sent;
        res.resume();
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, sent: at });
        });
      });
      req.on("error", (e) => (answered ? undefined : reject(e)));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!answered && sent < 64 * MiB) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(32 * MiB);
  });
});

describe("issue 8 item 19: over-long headers", () => {
  it("get 431 as problem+json with a bilingual message, not an empty body", async () => {
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request(`${stack.apiBase}/policies`, { headers: { "X-Padding": "a".repeat(40_000) } }, (r) => {
        let body = "";
        r.on("data", (c: Buffer) => (body += c.toString()));
        r.on("end", () => resolve({ status: r.statusCode ?? 0, type: String(r.headers["content-type"]), body }));
      });
      req.on("error", reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(res.type).toContain("application/problem+json");
    const p = JSON.parse(res.body);
    expect(p.status).toBe(431);
    expect(p.message["zh-CN"]).toContain("请求头过长");
    expect(p.message.en).toContain("headers are too long");
  });
});
