import { register, type Operation } from "./lib/operation.ts";
import { operation as score } from "./score.ts";
import { operation as scoreWorkbook } from "./score-workbook.ts";
import { operation as scoreWorkbookFile } from "./score-workbook-file.ts";
import { operation as rulesVerdict } from "./rules-verdict.ts";
import { operation as rulesQuorum } from "./rules-quorum.ts";
import { operation as rulesQuorumBatch } from "./rules-quorum-batch.ts";
import { operation as rulesRecommendation } from "./rules-recommendation.ts";
import { operation as rulesAdvance } from "./rules-advance.ts";
import { operation as rulesDecide } from "./rules-decide.ts";
import { operation as policiesList } from "./policies-list.ts";
import { operation as policiesGet } from "./policies-get.ts";
import { operation as policiesVersion } from "./policies-version.ts";
import { operation as policiesPut } from "./policies-put.ts";
import { operation as sheetsSubmit } from "./sheets-submit.ts";
import { operation as sheetsList } from "./sheets-list.ts";
import { operation as sheetsGet } from "./sheets-get.ts";
import { operation as sheetsFile } from "./sheets-file.ts";
import { operation as auditList } from "./audit-list.ts";
import { operation as auditVerify } from "./audit-verify.ts";
import { operation as sessionsOpen } from "./sessions-open.ts";
import { operation as sessionsList } from "./sessions-list.ts";
import { operation as sessionsGet } from "./sessions-get.ts";
import { operation as sessionsCodes } from "./sessions-codes.ts";
import { operation as sessionsClose } from "./sessions-close.ts";
import { operation as sessionsBallots } from "./sessions-ballots.ts";
import { operation as sessionsReceipts } from "./sessions-receipts.ts";
import { operation as sessionsForm } from "./sessions-form.ts";
import { operation as sessionsSubmit } from "./sessions-submit.ts";
import { operation as sessionsPage } from "./sessions-page.ts";
import { operation as health } from "./health.ts";
import { openapiJsonOperation } from "./openapi/openapi-json.ts";
import { openapiV2JsonOperation } from "./openapi/openapi-v2-json.ts";
import { apiDocuments } from "./openapi/build.ts";

/** The prefix every route sits under (host.json extensions.http.routePrefix). */
export const ROUTE_PREFIX = "api";

// The two documents describe this whole list, themselves included: the list is handed to them, never imported back.
const documents = () => apiDocuments(OPERATIONS, ROUTE_PREFIX);
const openapiJson = openapiJsonOperation(documents);
const openapiV2Json = openapiV2JsonOperation(documents);
import { operation as surveyScore } from "./survey-score.ts";
import { operation as surveysSubmit } from "./surveys-submit.ts";
import { operation as surveysGet } from "./surveys-get.ts";
import { operation as historyCadre } from "./history-cadre.ts";
import { operation as historyUnit } from "./history-unit.ts";
import { operation as auditCheckpoint } from "./audit-checkpoint.ts";
import { operation as auditCheckpointVerify } from "./audit-checkpoint-verify.ts";
import { operation as adminSweepOrphans } from "./admin-sweep.ts";

/** Every API operation with its method, route, roles, summary and schemas: what an OpenAPI generator walks. */
export const OPERATIONS: readonly Operation[] = [
  score,
  scoreWorkbook,
  scoreWorkbookFile,
  rulesVerdict,
  rulesQuorum,
  rulesQuorumBatch,
  rulesRecommendation,
  rulesAdvance,
  rulesDecide,
  policiesList,
  policiesGet,
  policiesVersion,
  policiesPut,
  sheetsSubmit,
  sheetsList,
  sheetsGet,
  sheetsFile,
  auditList,
  auditVerify,
  sessionsOpen,
  sessionsList,
  sessionsGet,
  sessionsCodes,
  sessionsClose,
  sessionsBallots,
  sessionsReceipts,
  sessionsForm,
  sessionsSubmit,
  sessionsPage,
  auditCheckpoint,
  auditCheckpointVerify,
  adminSweepOrphans,
  health,
  openapiJson,
  openapiV2Json,
  surveyScore,
  surveysSubmit,
  surveysGet,
  historyCadre,
  historyUnit,
];

register(openapiJson);
register(openapiV2Json);

export type { Operation, OperationDescriptor, ResponseSpec } from "./lib/operation.ts";
