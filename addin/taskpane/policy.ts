import { policyIdentity, type PolicyIdentity } from "../../shared/index.ts";
import { t } from "../i18n/index.ts";
import { readCachedPolicy, sameIdentity, type CachedPolicy } from "../api/policy-cache.ts";
import type { PaneContext } from "./pages/context.ts";

import type { Lang } from "../i18n/index.ts";

/** A policy by its title and version, as the user knows it (never its id). */
const label = (lang: Lang, p: { title: string; version: number }) =>
  t(lang, "new.policyOption", { title: p.title, version: p.version });

/**
 * The policy every step uses: the one bound to the workbook at 新建考核 (it wins, and the pane says so when
 * this computer's cached choice differs), else the cached choice, as for workbooks made before policies were stored.
 * Also sets it on the shared runtime, so the custom functions use the same policy.
 */
export async function activePolicy(ctx: PaneContext): Promise<CachedPolicy & { identity: PolicyIdentity }> {
  const stored = (await ctx.excel.readWorkbookPolicy()) ?? null;
  ctx.rt.workbookPolicy = stored;
  const cached = readCachedPolicy(ctx.rt.store);
  const cachedIdentity = await policyIdentity(cached.policy);
  if (!stored) {
    ctx.notice(null);
    return { ...cached, identity: cachedIdentity };
  }
  ctx.notice(
    sameIdentity(stored.identity, cachedIdentity)
      ? null
      : t(ctx.lang, "notice.workbookPolicy", {
          workbook: label(ctx.lang, stored.policy),
          cached: label(ctx.lang, cached.policy),
        }),
  );
  return stored;
}
