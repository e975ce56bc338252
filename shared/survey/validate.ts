import type { SurveyInput, SurveyIssue, SurveyIssueCode, ItemKind } from "../schemas/survey.ts";
import { DEFAULT_SCALE, DONT_KNOW, isDontKnow, type CompiledSurveyPolicy } from "./compile.ts";
import { surveyIssueMessage } from "./messages.ts";
import { cellText, normalizeLabel } from "./normalize.ts";

export const ITEMS_SHEET = "评议项目";
export const ANSWERS_SHEET = "评议票";

export interface ValidItem {
  itemId: string;
  unit: string;
  title: string;
  kind: ItemKind;
  scale: string;
}

/** One counted answer: the answer's index on the item's scale, or -1 for 不了解. */
export interface ValidAnswer {
  respondentId: string;
  layer: string;
  itemId: string;
  answer: number;
}

export interface ValidatedSurvey {
  items: ValidItem[];
  answers: ValidAnswer[];
  provisional: Set<string>;
  issues: SurveyIssue[];
}

/** Checks every row; a row that cannot count is reported with its sheet row and why (nothing is dropped silently). */
export function validateSurvey(
  input: SurveyInput,
  c: CompiledSurveyPolicy,
  sheets: { items: string; answers: string } = { items: ITEMS_SHEET, answers: ANSWERS_SHEET },
): ValidatedSurvey {
  const issues: SurveyIssue[] = [];
  const report = (
    sheet: string,
    row: number,
    field: string,
    code: SurveyIssueCode,
    value?: string,
    extra: { other?: number; accepted?: string } = {},
  ) =>
    issues.push({
      sheet,
      row,
      field,
      code,
      ...(value !== undefined ? { value } : {}),
      message: surveyIssueMessage(code, { sheet, row, field, value, ...extra }),
    });

  const items: ValidItem[] = [];
  const itemRow = new Map<string, number>();
  const byId = new Map<string, ValidItem>();
  input.items.forEach((raw, i) => {
    const row = raw.row ?? i + 2;
    const itemId = cellText(raw.itemId);
    const unit = cellText(raw.unit);
    const title = cellText(raw.title);
    const kindText = cellText(raw.kind);
    const missing = (["itemId", "unit", "title", "kind"] as const).find((f) => cellText(raw[f]) === "");
    if (missing) return report(sheets.items, row, missing, "missing_field");
    const key = normalizeLabel(itemId);
    const first = itemRow.get(key);
    if (first !== undefined) return report(sheets.items, row, "itemId", "duplicate_item", itemId, { other: first });
    itemRow.set(key, row);
    const kind = c.kindByName.get(normalizeLabel(kindText));
    if (!kind)
      return report(sheets.items, row, "kind", "unknown_kind", kindText, {
        accepted: "选人用人工作、整治用人上不正之风、新提拔干部",
      });
    const scaleText = cellText(raw.scale);
    const scale = scaleText === "" ? DEFAULT_SCALE[kind] : c.scaleByName.get(normalizeLabel(scaleText));
    if (!scale || !c.scales.has(scale))
      return report(sheets.items, row, "scale", "unknown_scale", scaleText || DEFAULT_SCALE[kind], {
        accepted: [...c.scales.keys()].join("、"),
      });
    const item = { itemId, unit, title, kind, scale };
    items.push(item);
    byId.set(key, item);
  });

  const layerNames = c.layerKeys.map((k) => c.policy.layers[k]!.label).join("、");
  const candidates: (ValidAnswer & { row: number; key: string })[] = [];
  input.answers.forEach((raw, i) => {
    const row = raw.row ?? i + 2;
    const missing = (["respondentId", "layer", "itemId", "answer"] as const).find((f) => cellText(raw[f]) === "");
    if (missing) return report(sheets.answers, row, missing, "missing_field");
    const itemText = cellText(raw.itemId);
    const item = byId.get(normalizeLabel(itemText));
    if (!item) return report(sheets.answers, row, "itemId", "unknown_item", itemText);
    const layerText = cellText(raw.layer);
    const layer = c.layerByName.get(normalizeLabel(layerText));
    if (!layer) return report(sheets.answers, row, "layer", "unknown_layer", layerText, { accepted: layerNames });
    const answerText = cellText(raw.answer);
    const scale = c.scales.get(item.scale)!;
    const answer = isDontKnow(answerText) ? -1 : scale.lookup.get(normalizeLabel(answerText));
    if (answer === undefined)
      return report(sheets.answers, row, "answer", "invalid_answer", answerText, {
        accepted: [...scale.labels, DONT_KNOW].join("、"),
      });
    const respondentId = cellText(raw.respondentId);
    candidates.push({
      respondentId,
      layer,
      itemId: item.itemId,
      answer,
      row,
      key: `${normalizeLabel(respondentId)}\u0000${normalizeLabel(item.itemId)}`,
    });
  });

  // Two answers from one form to one item: both out, the item provisional, whichever row came first.
  const rowsByKey = new Map<string, number[]>();
  for (const a of candidates) rowsByKey.set(a.key, [...(rowsByKey.get(a.key) ?? []), a.row]);
  const provisional = new Set<string>();
  const answers: ValidAnswer[] = [];
  for (const a of candidates) {
    const rows = rowsByKey.get(a.key)!;
    if (rows.length === 1) {
      answers.push({ respondentId: a.respondentId, layer: a.layer, itemId: a.itemId, answer: a.answer });
      continue;
    }
    provisional.add(a.itemId);
    const other = rows.find((r) => r !== a.row) ?? a.row;
    report(sheets.answers, a.row, "respondentId", "duplicate_answer", a.respondentId, { other });
  }
  issues.sort((x, y) => (x.sheet === y.sheet ? x.row - y.row : x.sheet === sheets.items ? -1 : 1));
  return { items, answers, provisional, issues };
}
