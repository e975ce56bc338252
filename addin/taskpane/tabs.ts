import { h } from "./dom.ts";

/**
 * The page tabs per the WAI-ARIA tabs pattern: one tab stop (roving tabindex), arrow keys move and select,
 * Home and End go to the first and last tab. Selection follows focus: every page opens at once.
 */
export function tabList(
  label: string,
  tabs: { id: string; text: string }[],
  onSelect: (id: string) => void,
): { el: HTMLElement; select(id: string): void } {
  const buttons = tabs.map((tab) =>
    h(
      "button",
      {
        class: "nav-item",
        role: "tab",
        type: "button",
        id: `tab-${tab.id}`,
        "aria-controls": `panel-${tab.id}`,
        "aria-selected": "false",
        tabindex: -1,
        "data-page": tab.id,
        "data-testid": `nav-${tab.id}`,
        onclick: () => select(tab.id),
      },
      tab.text,
    ),
  );
  const el = h("div", { class: "nav", role: "tablist", "aria-label": label }, ...buttons);
  const select = (id: string, focus = false) => {
    for (const b of buttons) {
      const on = b.dataset.page === id;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) {
        b.focus();
        b.scrollIntoView?.({ block: "nearest", inline: "nearest" });
      }
    }
    onSelect(id);
  };
  el.addEventListener("keydown", (e) => {
    const i = buttons.findIndex((b) => b === document.activeElement);
    if (i < 0) return;
    const next = {
      ArrowRight: (i + 1) % buttons.length,
      ArrowLeft: (i - 1 + buttons.length) % buttons.length,
      Home: 0,
      End: buttons.length - 1,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    select(buttons[next]!.dataset.page!, true);
  });
  return { el, select: (id) => select(id) };
}
