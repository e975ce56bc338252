import type { AssessmentResult } from "../../../shared/index.ts";
import type { Lang } from "../../i18n/index.ts";
import type { KaopingRuntime } from "../../api/runtime.ts";
import type { ExcelPort } from "../excel-port.ts";

export interface PaneContext {
  lang: Lang;
  excel: ExcelPort;
  rt: KaopingRuntime;
  /** Runs an action with the status line showing progress, then the outcome or the error; never throws. */
  run(action: () => Promise<string | void>): Promise<void>;
  /** Shows (or, with null, hides) the notice line under the banners, e.g. that the workbook's policy wins. */
  notice(message: string | null): void;
  /** The last scored result in this session (the Submit page also reads the workbook's stored one). */
  lastResult: AssessmentResult | null;
}
