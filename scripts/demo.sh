#!/usr/bin/env bash
# First README command: install, migrate, seed demo data, and run server + console + demo feed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prepare.sh

ensure_pnpm
ensure_services
install_deps
log "Building"
pnpm turbo run build --output-logs=errors-only

# Secrets for this demo are generated once and kept in .demo/env (git-ignored).
mkdir -p .demo
rnd() { node -e "process.stdout.write(require('crypto').randomBytes($1).toString('base64url'))"; }
if [ ! -f .demo/env ]; then
  cat > .demo/env <<ENV
JWT_SECRET=$(rnd 36)
INGEST_API_KEYS=$(rnd 24)
DEMO_ADMIN_PASSWORD=$(rnd 9)
DEMO_SUPERVISOR_PASSWORD=$(rnd 9)
DEMO_OPERATOR_PASSWORD=$(rnd 9)
SECRETS_KEY=$(rnd 36)
DEMO_CALLER_SECRET=$(rnd 24)
ENV
fi
# An .demo/env from before DC-09 has no SECRETS_KEY: the transmitters' AES keys are sealed with it.
grep -q '^SECRETS_KEY=' .demo/env || echo "SECRETS_KEY=$(rnd 36)" >> .demo/env
# The authority persons' passwords are derived from DEMO_CALLER_SECRET (older .demo/env: added once).
grep -q '^DEMO_CALLER_SECRET=' .demo/env || echo "DEMO_CALLER_SECRET=$(rnd 24)" >> .demo/env
set -a
# shellcheck source=/dev/null
source .demo/env
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/arc_demo}"
REDIS_PREFIX="${REDIS_PREFIX:-arc-demo}"
HTTP_PORT="${HTTP_PORT:-3000}"
CONSOLE_PORT="${CONSOLE_PORT:-5173}"
ARC_SERVER_URL="http://127.0.0.1:${HTTP_PORT}"
LOG_LEVEL="${LOG_LEVEL:-warn}"
DC09_TCP_PORT="${DC09_TCP_PORT:-12000}"
DC09_UDP_PORT="${DC09_UDP_PORT:-12000}"
set +a

log "Migrating and seeding ${DATABASE_URL}"
node apps/server/dist/cli/migrate.js
# The live sites with contacts, action plans, the on-call roster and authority persons; one
# "Verify caller" line per person (with the password) goes to .demo/callers.txt.
node apps/server/dist/cli/seed-demo.js > .demo/seed.log
grep -v '^Verify caller:' .demo/seed.log || true
grep '^Verify caller:' .demo/seed.log > .demo/callers.txt || true
# A small generated centre around the demo sites, so search and the directory have content
# (skipped when this seed is already there). The feed does not play these transmitters, so they
# are not supervised (else each would raise "test signal missing" after its interval).
node apps/server/dist/cli/generate-demo.js --sites 300 --seed 1 --unsupervised

pids=()
cleanup() { trap - EXIT INT TERM; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

log "Starting server on :${HTTP_PORT}"
node apps/server/dist/main.js > .demo/server.log 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fs "${ARC_SERVER_URL}/api/v1/health" >/dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat .demo/server.log; exit 1; }
  sleep 0.5
done

# The temporary site notes are written by the demo admin, whom the server creates at start.
node apps/server/dist/cli/seed-demo.js --knowledge-only

log "Starting console on :${CONSOLE_PORT}"
(cd apps/console && exec pnpm exec vite preview --strictPort --port "${CONSOLE_PORT}" --host 127.0.0.1) > .demo/console.log 2>&1 &
pids+=($!)

node apps/server/dist/cli/simulate.js demo --port "${DC09_TCP_PORT}" --interval 4000 > .demo/feed.log 2>&1 &
pids+=($!)

cat <<MSG

  ARC demo is running.
    Console:     http://127.0.0.1:${CONSOLE_PORT}
    Log in as:   operator / ${DEMO_OPERATOR_PASSWORD}
                 supervisor / ${DEMO_SUPERVISOR_PASSWORD}
                 admin / ${DEMO_ADMIN_PASSWORD}
    Try:         take a fire alarm (N in the queue), work its action plan, close it (C);
                 Intake: a caller says who they are, find the site, verify them:
$(grep -E '^Verify caller: (Anna Berg|Ahmed Karimi|Lars Berg) ' .demo/callers.txt | sed 's/^/                   /')
                   (every authority person of the live sites: .demo/callers.txt)
                 then set a service mode for the site from the intake screen.
    API:         ${ARC_SERVER_URL}/api/v1   (ingest key in .demo/env)
    Logs:        .demo/server.log  .demo/console.log  .demo/feed.log
    DC-09:       port ${DC09_TCP_PORT} (TCP and UDP); demo panels send a signal about every 4 s
  Press Ctrl-C to stop everything.

MSG
wait -n "${pids[@]}"
