import { HealthSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { clients, isStoreDown } from "./store/clients.ts";
import { settings } from "./lib/settings.ts";
import { VERSION } from "../shared/version.ts";

export const operation = defineOperation({
  name: "health",
  method: "GET",
  route: "health",
  roles: "public",
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
      const { table } = await clients();
      await table
        .listEntities({ queryOptions: { filter: "PartitionKey eq 'health'" } })
        .byPage({ maxPageSize: 1 })
        .next();
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
