import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";

/** What ships (the Functions app, the add-in, the CLI) never reaches into development tooling or tests. */
const NO_DEV_OR_TEST = ["**/dev/*", "**/dev/**", "**/test/*", "**/test/**"];
/** The domain core must stay portable: no Node, DOM or office.js, nothing from the outer layers. */
const NOT_IN_SHARED = [
  "node:*",
  "fs",
  "path",
  "../addin/*",
  "../functions/*",
  "../io/*",
  "../cli/*",
  "exceljs",
  "@azure/*",
];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-cli/", ".data/", "docs/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Every module path is a literal the type checker, the build and the cycle check can follow.
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.type!='Literal']",
          message: "import() takes a literal path (no computed or cast module paths) | import() 须使用字面量路径",
        },
      ],
    },
  },
  {
    // An import cycle makes load order matter; the module graph stays a tree of layers (docs/engineering.md).
    files: ["**/*.ts"],
    plugins: { "import-x": importX },
    settings: { "import-x/extensions": [".ts", ".js"] },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["functions/**/*.ts", "io/**/*.ts", "cli/**/*.ts", "addin/**/*.ts", "bin/**/*.ts"],
    ignores: ["**/*.test.ts", "cli/start.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: NO_DEV_OR_TEST }] },
  },
  {
    files: ["shared/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...NOT_IN_SHARED, ...NO_DEV_OR_TEST] }] },
  },
  {
    // Its tests may use the shared test fixtures, and still no Node.
    files: ["shared/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: NOT_IN_SHARED }] },
  },
);
