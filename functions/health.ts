import { HealthSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { clients, isStoreDown } from "./store/clients.ts";
import { settings } from "./lib/settings.ts";
import { VERSION } from "../shared/version.ts";

/**
 * A good storage answer is reused for a moment: load balancers and monitors probe health many times a second,
 * and each probe must not cost a storage round trip. A failure is never reused: the next call probes again.
 */
const PROBE_TTL_MS = 2_000;
let lastGoodProbe = 0;
async function probeStorage(): Promise<void> {
  if (Date.now() - lastGoodProbe < PROBE_TTL_MS) return;
  const { table } = await clients();
  await table
    .listEntities({ queryOptions: { filter: "PartitionKey eq 'health'" } })
    .byPage({ maxPageSize: 1 })
    .next();
  lastGoodProbe = Date.now();
}

export const operation = defineOperation({
  name: "health",
  method: "GET",
  route: "health",
  roles: "public",
  visibility: "internal",
  summary: { "zh-CN": "健康检查（含存储连通性）", en: "Health check (including storage)" },
  request: {},
  responses: [
    { status: 200, description: { "zh-CN": "服务与存储正常", en: "Service and storage are up" }, schema: HealthSchema },
    { status: 503, description: { "zh-CN": "存储不可用", en: "Storage is unavailable" }, schema: HealthSchema },
  ],
  run: async () => {
    const time = new Date().toISOString();
    if (!settings().storage)
      return {
        status: 503,
        headers: { "Retry-After": "60" },
        json: {
          status: "degraded",
          storage: "not_configured",
          version: VERSION,
          time,
          message: { "zh-CN": "未配置存储连接", en: "no storage connection is configured" },
        },
      };
    try {
      await probeStorage();
      return {
        json: {
          status: "ok",
          storage: "ok",
          version: VERSION,
          time,
          message: { "zh-CN": "服务正常", en: "service is up" },
        },
      };
    } catch (e) {
      if (!isStoreDown(e)) throw e;
      return {
        status: 503,
        headers: { "Retry-After": "10" },
        json: {
          status: "degraded",
          storage: "unavailable",
          version: VERSION,
          time,
          message: { "zh-CN": "存储服务暂时不可用", en: "storage is temporarily unavailable" },
        },
      };
    }
  },
});

export const health = operation.handler;
register(operation);
