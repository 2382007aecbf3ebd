#!/usr/bin/env bash
# Second README command: install everything and run every check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prepare.sh

ensure_pnpm
ensure_services
if [ ! -x /usr/bin/chromium ]; then
  log "Installing Debian's chromium for the browser tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
fi
install_deps
rm -rf test-results

log "Build"
pnpm turbo run build --output-logs=errors-only
log "Lint (ESLint), import cycles (madge), module boundaries and document references"
pnpm turbo run lint --output-logs=errors-only
pnpm run cycles
pnpm run lint:boundaries
pnpm run docs:check
log "Typecheck"
pnpm turbo run typecheck --output-logs=errors-only
log "Format"
pnpm run format:check
log "Tests (unit, integration on PostgreSQL + Redis, browser)"
status=0
pnpm turbo run test --concurrency=1 || status=$?
node scripts/summarize-tests.mjs || status=1
exit $status
