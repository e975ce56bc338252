import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Unit tests sit beside their module; cross-cutting suites live under test/ (docs/engineering.md).
    include: ["{shared,io,cli,functions,addin,dev,test}/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start their own Azurite and hosts; two cores only.
    maxWorkers: 2,
  },
});
