import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{shared,functions,addin,io,cli,test}/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start their own Azurite and hosts; two cores only.
    maxWorkers: 2,
  },
});
