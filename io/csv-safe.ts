/**
 * A CSV cell that a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first)
 * is stored as text: a leading apostrophe, as OWASP advises. Numbers stay numbers.
 */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
