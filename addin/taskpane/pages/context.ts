import type { AssessmentResult } from "../../../shared/index.ts";
import type { Lang } from "../../i18n/index.ts";
import type { KaopingRuntime } from "../../api/runtime.ts";
import type { ExcelPort } from "../excel-port.ts";
import type { FormField } from "../dom.ts";
import type { Intent } from "../message-bar.ts";

/** What an action reports when it succeeds: what was done, as a sentence (a warning when it needs attention). */
export type Outcome = string | { text: string; intent: Intent } | void;

/** A form's fields by the name the service uses for them (its field paths), each with what to do when it is wrong. */
export type FieldSlots = Record<string, { field: FormField; fix: string }>;

export interface PaneContext {
  lang: Lang;
  excel: ExcelPort;
  rt: KaopingRuntime;
  /**
   * Runs an action with the message bar showing progress, then what was done or what to do next; never throws.
   * Errors about a field of `fields` are shown next to that field.
   */
  run(action: () => Promise<Outcome>, fields?: FieldSlots): Promise<void>;
  /** Shows (or, with null, hides) the notice line under the banners, e.g. that the workbook's policy wins. */
  notice(message: string | null): void;
  /** The last scored result in this session (the Submit page also reads the workbook's stored one). */
  lastResult: AssessmentResult | null;
  /** The signed-in person's roles changed (Settings): the pane shows the pages of the new roles. */
  rolesChanged?(): void;
}
