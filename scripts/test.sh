#!/usr/bin/env bash
# The whole suite (unit, property, integration with Azurite, LibreOffice and Chromium tests),
# closing with one plain "N passed, N failed" line that any CI can read.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-output
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@"
code=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-output/vitest.json", "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' 2>/dev/null || echo "tests: 0 passed, 1 failed"
exit $code
