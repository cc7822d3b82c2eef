#!/usr/bin/env bash
# `npm test`: every tier. Builds, type-checks each process's config, lints,
# runs the vitest projects (unit, renderer, end-to-end in Chromium) and the
# keychain tier inside its private D-Bus session, then prints one line that
# counts them all: each vitest test, plus each tsc config and eslint as one check.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/use-node24.sh
source scripts/use-node24.sh

reports=$(mktemp -d "${TMPDIR:-/tmp}/momo-test.XXXXXX")
trap 'rm -rf "$reports"' EXIT
check_passed=0
check_failed=0

check() {
  local name=$1
  shift
  echo "── $name"
  if "$@"; then check_passed=$((check_passed + 1)); else echo "FAILED: $name" >&2; check_failed=$((check_failed + 1)); fi
}

check "build" npm run --silent build
check "tsc main+preload (node)" npx tsc -p tsconfig.node.json
check "tsc renderer (dom)" npx tsc -p tsconfig.web.json
check "tsc end-to-end tests (node + dom)" npx tsc -p tsconfig.e2e.json
check "eslint" npx eslint --max-warnings 0 .

echo "── vitest: node, renderer, e2e"
npx vitest run --project node --project renderer --project e2e \
  --reporter=default --reporter=json --outputFile.json="$reports/main.json"
echo "── vitest: keychain (private D-Bus session, gnome-keyring)"
bash scripts/with-keychain.sh npx vitest run --project keychain \
  --reporter=default --reporter=json --outputFile.json="$reports/keychain.json"

node scripts/count-results.mjs "$check_passed" "$check_failed" "$reports/main.json" "$reports/keychain.json"
