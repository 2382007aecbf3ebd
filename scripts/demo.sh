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
ENV
fi
# An .demo/env from before DC-09 has no SECRETS_KEY: the transmitters' AES keys are sealed with it.
grep -q '^SECRETS_KEY=' .demo/env || echo "SECRETS_KEY=$(rnd 36)" >> .demo/env
set -a
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
node apps/server/dist/cli/seed-demo.js
# A small generated centre around the demo sites, so search and the directory have content
# (skipped when this seed is already there).
node apps/server/dist/cli/generate-demo.js --sites 300 --seed 1

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
    API:         ${ARC_SERVER_URL}/api/v1   (ingest key in .demo/env)
    Logs:        .demo/server.log  .demo/console.log  .demo/feed.log
    DC-09:       port ${DC09_TCP_PORT} (TCP and UDP); demo panels send a signal about every 4 s
  Press Ctrl-C to stop everything.

MSG
wait -n "${pids[@]}"
