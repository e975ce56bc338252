import pkg from "../package.json" with { type: "json" };

/** The product version, written once in package.json; the health endpoint, the API documents and the CLI read it here. */
export const VERSION: string = pkg.version;
