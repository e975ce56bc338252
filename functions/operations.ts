import type { Operation } from "./lib/operation.ts";
import { operation as score } from "./score.ts";
import { operation as rulesVerdict } from "./rules-verdict.ts";
import { operation as rulesQuorum } from "./rules-quorum.ts";
import { operation as rulesQuorumBatch } from "./rules-quorum-batch.ts";
import { operation as rulesRecommendation } from "./rules-recommendation.ts";
import { operation as rulesAdvance } from "./rules-advance.ts";
import { operation as policiesList } from "./policies-list.ts";
import { operation as policiesGet } from "./policies-get.ts";
import { operation as policiesVersion } from "./policies-version.ts";
import { operation as policiesPut } from "./policies-put.ts";
import { operation as sheetsSubmit } from "./sheets-submit.ts";
import { operation as sheetsList } from "./sheets-list.ts";
import { operation as sheetsGet } from "./sheets-get.ts";
import { operation as auditList } from "./audit-list.ts";
import { operation as auditVerify } from "./audit-verify.ts";
import { operation as health } from "./health.ts";
import { operation as auditCheckpoint } from "./audit-checkpoint.ts";
import { operation as auditCheckpointVerify } from "./audit-checkpoint-verify.ts";
import { operation as adminSweepOrphans } from "./admin-sweep.ts";
import { operation as openapiJson } from "./openapi/openapi-json.ts";
import { operation as openapiV2Json } from "./openapi/openapi-v2-json.ts";

/** Every API operation with its method, route, roles, summary and schemas: what an OpenAPI generator walks. */
export const OPERATIONS: readonly Operation[] = [
  score,
  rulesVerdict,
  rulesQuorum,
  rulesQuorumBatch,
  rulesRecommendation,
  rulesAdvance,
  policiesList,
  policiesGet,
  policiesVersion,
  policiesPut,
  sheetsSubmit,
  sheetsList,
  sheetsGet,
  auditList,
  auditVerify,
  auditCheckpoint,
  auditCheckpointVerify,
  adminSweepOrphans,
  health,
  openapiJson,
  openapiV2Json,
];

/** The prefix every route sits under (host.json extensions.http.routePrefix). */
export const ROUTE_PREFIX = "api";
export type { Operation, OperationDescriptor, ResponseSpec } from "./lib/operation.ts";
