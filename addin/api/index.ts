export { ApiClient, DEFAULT_TIMEOUT_MS, type ApiClientOptions, type CallOptions, type Connectivity } from "./client.ts";
export { ApiError, problemError, type ApiErrorKind } from "./errors.ts";
export { createBatcher, type Batched, type BatcherOptions } from "./batcher.ts";
export {
  createRulesService,
  localVerdicts,
  localQuorum,
  type RulesService,
  type QuorumAnswer,
  type QuorumQuestion,
} from "./rules.ts";
export {
  readSettings,
  saveSettings,
  memoryStore,
  defaultStore,
  STORAGE_KEYS,
  DEFAULT_API_BASE,
  type Settings,
  type KeyValueStore,
} from "./settings.ts";
export { readCachedPolicy, saveCachedPolicy, policyRef, type CachedPolicy } from "./policy-cache.ts";
export { tokenInfo, type TokenInfo } from "./token.ts";
