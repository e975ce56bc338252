import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A real local HTTP server for the add-in's client tests: counts requests, answers with a handler, or never answers. */
export interface StubServer {
  url: string;
  requests: { method: string; path: string; headers: IncomingMessage["headers"]; body: unknown }[];
  close(): Promise<void>;
}

export type Handler = (req: {
  method: string;
  path: string;
  body: unknown;
  headers: IncomingMessage["headers"];
}) => { status: number; body: unknown; type?: string } | "hang";

export async function startStubServer(handler: Handler): Promise<StubServer> {
  const requests: StubServer["requests"] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    // The pane calls from its own origin: answer CORS like the functions host does.
    res.setHeader("access-control-allow-origin", "*");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": "authorization, content-type, idempotency-key",
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const entry = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, body };
      requests.push(entry);
      const out = handler(entry);
      if (out === "hang") {
        hanging.push(res);
        return;
      }
      res.writeHead(out.status, { "content-type": out.type ?? "application/json" });
      res.end(typeof out.body === "string" ? out.body : JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
