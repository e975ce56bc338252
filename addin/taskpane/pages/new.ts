import { DEFAULT_POLICIES, policyIdentity, type Policy } from "../../../shared/index.ts";
import { t } from "../../i18n/index.ts";
import { saveCachedPolicy } from "../../api/policy-cache.ts";
import { button, field, h } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 新建考核: choose a published policy (or a built-in one offline) and create the sheets. */
export function newPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const select = h("fluent-select", { "data-testid": "policy-select", "aria-label": t(lang, "new.policy") });
  const options = new Map<string, { policy?: Policy; id: string; version: number; published: boolean }>();
  const fill = (
    entries: { value: string; text: string; policy?: Policy; id: string; version: number; published: boolean }[],
  ) => {
    select.replaceChildren(
      ...entries.map((e) => h("fluent-option", { value: e.value, "data-testid": `policy-option-${e.value}` }, e.text)),
    );
    options.clear();
    for (const e of entries) options.set(e.value, e);
    if (entries[0]) (select as unknown as { value: string }).value = entries[0].value;
  };
  const builtIn = () =>
    DEFAULT_POLICIES.map((p) => ({
      value: `builtin:${p.id}@${p.version}`,
      text: `${t(lang, "new.policyOption", { title: p.title, version: p.version })} · ${t(lang, "new.builtin")}`,
      policy: p,
      id: p.id,
      version: p.version,
      published: false,
    }));
  fill(builtIn());

  const fetchList = async () => {
    const list = await ctx.rt.client.listPolicies();
    published = list.items.length;
    fill([
      ...list.items.map((p) => ({
        value: `${p.id}@${p.version}`,
        text: t(lang, "new.policyOption", { title: p.title, version: p.version }),
        id: p.id,
        version: p.version,
        published: true,
      })),
      ...builtIn(),
    ]);
  };
  let published = 0;
  const load = () =>
    ctx.run(async () => {
      await fetchList();
      return t(lang, "new.loaded", { count: published });
    });

  const create = () =>
    ctx.run(async () => {
      const chosen = options.get((select as unknown as { value: string }).value) ?? options.values().next().value;
      if (!chosen) return;
      const fetched = chosen.policy ? null : await ctx.rt.client.getPolicy(chosen.id, chosen.version);
      const policy = fetched?.policy ?? chosen.policy!;
      const identity = fetched?.identity ?? (await policyIdentity(policy));
      saveCachedPolicy({ policy, published: chosen.published }, ctx.rt.store);
      await ctx.excel.createAssessmentSkeleton(policy, lang);
      // The workbook keeps its policy: every later step (and another computer) uses this one.
      const bound = { policy, identity, published: chosen.published };
      await ctx.excel.writeWorkbookPolicy(bound);
      ctx.rt.workbookPolicy = bound;
      ctx.notice(null);
      return t(lang, "new.created", { title: policy.title, version: policy.version });
    });

  // First look on opening: offline is already told by the banner, and the built-in policies stay selectable.
  void fetchList().catch(() => undefined);
  return h(
    "section",
    { "data-testid": "page-new" },
    field(t(lang, "new.policy"), select),
    h("p", { class: "hint" }, t(lang, "new.policyHelp")),
    h("div", { class: "row" }, button("policy-load", t(lang, "new.loadPolicies"), load, "outline")),
    h("div", { class: "row" }, button("create-skeleton", t(lang, "new.create"), create)),
  );
}
