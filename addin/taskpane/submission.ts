import type { AssessmentResult, Policy, PolicyIdentity, SheetSubmit } from "../../shared/index.ts";
import type { KeyValueStore } from "../api/settings.ts";
import { STORAGE_KEYS } from "../api/settings.ts";
import { sameIdentity } from "../api/policy-cache.ts";
import { offlineCadres } from "./format.ts";
import { paneError } from "./pane-error.ts";

/**
 * What Submit sends. Refuses (nothing sent) while any verdict was decided offline. The policy document goes
 * along only when it is the result's own (a built-in one is not on the server); any other is left out, and the
 * server resolves the published policy the result names.
 */
export function submissionBody(
  form: { unit: string; period: string; title?: string },
  result: AssessmentResult,
  known: { policy: Policy; identity: PolicyIdentity },
): SheetSubmit {
  const offline = offlineCadres(result);
  if (offline > 0) throw paneError("submit.offline", { count: offline });
  return {
    unit: form.unit,
    period: form.period,
    ...(form.title ? { title: form.title } : {}),
    result,
    ...(sameIdentity(known.identity, result.policy) ? { policy: known.policy } : {}),
  };
}

/**
 * The Idempotency-Key of a submission, kept (in localStorage) until the server confirms it:
 * a retry after a timeout or a closed pane sends the same key, so the server never stores it twice.
 * A different submission (other unit, period or result) gets a new key.
 */
export function idempotencyKey(
  store: KeyValueStore,
  fingerprint: string,
  newKey: () => string = () => globalThis.crypto.randomUUID(),
): string {
  try {
    const pending = JSON.parse(store.getItem(STORAGE_KEYS.pendingSubmit) ?? "null") as {
      key?: string;
      fingerprint?: string;
    } | null;
    if (pending?.key && pending.fingerprint === fingerprint) return pending.key;
  } catch {
    // An unreadable entry is replaced below.
  }
  const key = newKey();
  store.setItem(STORAGE_KEYS.pendingSubmit, JSON.stringify({ key, fingerprint }));
  return key;
}

/** After the server accepted the submission: the next one is a new submission. */
export function submissionDone(store: KeyValueStore, key: string): void {
  try {
    const pending = JSON.parse(store.getItem(STORAGE_KEYS.pendingSubmit) ?? "null") as { key?: string } | null;
    if (pending?.key === key) store.removeItem(STORAGE_KEYS.pendingSubmit);
  } catch {
    store.removeItem(STORAGE_KEYS.pendingSubmit);
  }
}

/** What makes two submissions the same: unit, period, title and the result's content. */
export function submissionFingerprint(body: { unit: string; period: string; title?: string; result: unknown }): string {
  const text = JSON.stringify([body.unit, body.period, body.title ?? "", body.result]);
  // FNV-1a over the text: a short stable fingerprint, not a security measure.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x85ebca6b) >>> 0;
  }
  return `${text.length}-${h1.toString(16)}-${h2.toString(16)}`;
}
