import type { HttpRequest } from "@azure/functions";
import { settings } from "./settings.ts";

/** CORS for the add-in's origin only: any other origin gets no CORS headers (the browser blocks it). */
export function corsHeaders(req: HttpRequest): Record<string, string> {
  const origin = req.headers.get("origin");
  if (!origin || !settings().allowedOrigins.includes(origin)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": "ETag, Location, Retry-After, Idempotent-Replayed",
    Vary: "Origin",
  };
}

export function preflightHeaders(req: HttpRequest): Record<string, string> {
  const base = corsHeaders(req);
  if (!base["Access-Control-Allow-Origin"]) return {};
  return {
    ...base,
    "Access-Control-Allow-Methods": "GET, POST, PUT, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, If-Match, Idempotency-Key",
    "Access-Control-Max-Age": "600",
  };
}
