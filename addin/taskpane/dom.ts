/** A tiny element builder: the pane is plain DOM plus Fluent web components. */
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: (Node | string | null | undefined | false)[]): HTMLElement;
export function h(
  tag: string,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, "").toLowerCase(), value);
    else if (name === "value") (el as HTMLInputElement).value = String(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** The current value of an input, native or Fluent (both expose .value). */
export const valueOf = (root: ParentNode, testid: string): string =>
  ((root.querySelector(`[data-testid="${testid}"]`) as HTMLInputElement | null)?.value ?? "").trim();

export function field(label: string, control: HTMLElement): HTMLElement {
  // Fluent controls keep their input in a shadow root: the accessible name goes on the host, which forwards it.
  if (!control.hasAttribute("aria-label")) control.setAttribute("aria-label", label);
  return h("label", { class: "field" }, h("span", { class: "field-label" }, label), control);
}

/** A labelled control with the place for its own error, shown right under it and announced at once. */
export interface FormField {
  el: HTMLElement;
  setError(message: string | null): void;
}

export function formField(label: string, control: HTMLElement, testid: string): FormField {
  const error = h("div", { class: "field-error", role: "alert", "data-testid": `${testid}-error`, hidden: true });
  const el = h("div", { class: "field-wrap" }, field(label, control), error);
  return {
    el,
    setError(message) {
      error.textContent = message ?? "";
      error.hidden = message === null;
      if (message === null) control.removeAttribute("aria-invalid");
      else control.setAttribute("aria-invalid", "true");
    },
  };
}

export const textField = (testid: string, value = "", placeholder = "") =>
  h("fluent-text-field", { "data-testid": testid, value, placeholder, appearance: "outline" });
export const button = (testid: string, text: string, onClick: () => void, appearance = "accent") =>
  h("fluent-button", { "data-testid": testid, appearance, onclick: onClick }, text);
