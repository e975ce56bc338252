/** In-memory stand-in for the subset of the Excel JavaScript API that addin/excel uses. Runs in Node and in a page. */
export { installStandin, createStandin, type Standin, type StandinOptions } from "./install.ts";
export type { Inspector, SyncStats } from "./inspect.ts";
export { StandinError } from "./client.ts";
export { columnLetters, columnIndex, parseAddress, boxAddress, quoteSheet, type Box } from "./address.ts";
