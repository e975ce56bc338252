import { app, type HttpRequest, type HttpResponseInit } from "@azure/functions";
import { preflightHeaders } from "./lib/cors.ts";

/**
 * CORS preflight for every route: the add-in's origin gets the allow headers, any other origin
 * gets none (so the browser refuses). Not an API operation, so it is not in operations.ts.
 */
export async function preflight(req: HttpRequest): Promise<HttpResponseInit> {
  return { status: 204, headers: preflightHeaders(req) };
}

app.http("preflight", { methods: ["OPTIONS"], route: "{*path}", authLevel: "anonymous", handler: preflight });
