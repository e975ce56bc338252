import { t } from "../../i18n/index.ts";
import { activePolicy } from "../policy.ts";
import { FieldsError, paneError } from "../pane-error.ts";
import { idempotencyKey, submissionBody, submissionDone, submissionFingerprint } from "../submission.ts";
import { button, formField, h, textField, valueOf } from "../dom.ts";
import type { FieldSlots, PaneContext } from "./context.ts";

const RECEIPT_KEY = "kaoping.lastSubmission";
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|H[12]|Q[1-4]))?$/;

interface Receipt {
  id: string;
  unit: string;
  period: string;
  at: string;
}

/** 提交: the assessor submits the scored result as an official record, after confirming; the number stays shown. */
export function submitPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const unit = formField(t(lang, "submit.unit"), textField("submit-unit"), "submit-unit");
  const period = formField(
    t(lang, "submit.period"),
    textField("submit-period", String(new Date().getFullYear())),
    "submit-period",
  );
  const title = formField(t(lang, "submit.title"), textField("submit-title"), "submit-title");
  const fields: FieldSlots = {
    unit: { field: unit, fix: t(lang, "submit.fix.unit") },
    period: { field: period, fix: t(lang, "submit.fix.period") },
    title: { field: title, fix: t(lang, "submit.fix.title") },
  };
  const receipt = h("p", { class: "receipt", "data-testid": "submit-receipt", hidden: true });
  const showReceipt = (r: Receipt | null) => {
    receipt.hidden = r === null;
    if (r) receipt.textContent = t(lang, "submit.receipt", { ...r, at: r.at.slice(0, 16).replace("T", " ") });
  };
  try {
    showReceipt(JSON.parse(ctx.rt.store.getItem(RECEIPT_KEY) ?? "null") as Receipt | null);
  } catch {
    showReceipt(null);
  }

  const confirmText = h("p", { "data-testid": "submit-confirm-text" });
  const confirmBox = h(
    "div",
    {
      class: "confirm",
      role: "alertdialog",
      "aria-modal": "false",
      "aria-labelledby": "submit-confirm-title",
      "aria-describedby": "submit-confirm-text",
      "data-testid": "submit-confirm-box",
      hidden: true,
    },
    h("h2", { id: "submit-confirm-title" }, t(lang, "submit.confirmTitle")),
    confirmText,
    h(
      "div",
      { class: "row" },
      button("submit-confirm", t(lang, "submit.confirm"), () => send()),
      button("submit-cancel", t(lang, "submit.cancel"), () => cancel(), "outline"),
    ),
  );
  confirmText.id = "submit-confirm-text";

  const form = () => ({
    unit: valueOf(section, "submit-unit"),
    period: valueOf(section, "submit-period"),
    title: valueOf(section, "submit-title"),
  });
  const check = () => {
    const f = form();
    const wrong = [
      ...(f.unit === "" || f.unit.length > 200 ? ["unit"] : []),
      ...(PERIOD.test(f.period) ? [] : ["period"]),
      ...(f.title.length > 200 ? ["title"] : []),
    ];
    if (wrong.length > 0) throw new FieldsError(wrong);
    return f;
  };
  const pending = async () => {
    const result = ctx.lastResult ?? (await ctx.excel.readStoredResult());
    if (!result) throw paneError("submit.noResult");
    return result;
  };

  /** First step: check the form and the result, then ask (nothing is sent yet). */
  const ask = () =>
    ctx.run(async () => {
      const result = await pending();
      // Refuses offline verdicts first: no form can fix those.
      submissionBody(form(), result, await activePolicy(ctx));
      const f = check();
      confirmText.textContent = t(lang, "submit.confirmText", { ...f, cadres: result.cadres.length });
      confirmBox.hidden = false;
      (confirmBox.querySelector('[data-testid="submit-confirm"]') as HTMLElement | null)?.focus();
      return { text: t(lang, "submit.confirmTitle"), intent: "info" };
    }, fields);

  const cancel = () =>
    ctx.run(async () => {
      confirmBox.hidden = true;
      return { text: t(lang, "submit.cancelled"), intent: "info" };
    });

  const send = () =>
    ctx.run(async () => {
      confirmBox.hidden = true;
      const f = check();
      const body = submissionBody(f, await pending(), await activePolicy(ctx));
      const key = idempotencyKey(ctx.rt.store, submissionFingerprint(body));
      const saved = await ctx.rt.client.submitSheet(body, key);
      submissionDone(ctx.rt.store, key);
      const r: Receipt = { id: saved.id, unit: f.unit, period: f.period, at: new Date().toISOString() };
      ctx.rt.store.setItem(RECEIPT_KEY, JSON.stringify(r));
      showReceipt(r);
      return t(lang, "submit.sent", { id: saved.id });
    }, fields);

  const section = h(
    "section",
    { "data-testid": "page-submit" },
    unit.el,
    period.el,
    title.el,
    h(
      "div",
      { class: "row" },
      button("submit-send", t(lang, "submit.send"), () => ask()),
    ),
    confirmBox,
    receipt,
  );
  return section;
}
