#!/usr/bin/env bash
# Installs everything kaoping needs on a fresh Debian machine: system packages for the tests
# (Chromium for browser tests, LibreOffice Calc to recalculate workbooks, poppler-utils to read printed
# reports back, CJK fonts for screenshots)
# and the npm dependencies from package-lock.json. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
# Carlito: Calibri's metrics, so LibreOffice lays out the printed report as Excel does.
fc-list 2>/dev/null | grep -qi "carlito" || need+=(fonts-crosextra-carlito)
# pdftotext and pdfinfo read the printed ballot slips back in test/cli/slips.test.ts.
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi

# The `kaoping` command runs compiled JavaScript (dist-cli/), never TypeScript compiled at start-up.
if [ ! -f dist-cli/bin/kaoping.js ] || [ -n "$(find shared io cli bin functions dev -name '*.ts' -newer dist-cli/bin/kaoping.js -print -quit 2>/dev/null)" ]; then
  echo "setup: build the kaoping command (tsc -p tsconfig.cli.json)"
  npx tsc -p tsconfig.cli.json
fi
