import { OPERATIONS, ROUTE_PREFIX } from "../operations.ts";
import { apiDocuments } from "./build.ts";

/** The host the committed connector definition names until a tenant admin sets their own. */
export const CONNECTOR_PLACEHOLDER_HOST = "kaoping.azurewebsites.net";

/** connector/apiDefinition.swagger.json: the served Swagger 2.0 document with the app's host. */
export async function connectorDefinition(host: string): Promise<Record<string, unknown>> {
  return { ...(await apiDocuments(OPERATIONS, ROUTE_PREFIX)).v2, host };
}
