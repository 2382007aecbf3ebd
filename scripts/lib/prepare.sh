# Shared by demo.sh and test.sh: make sure pnpm, PostgreSQL and Redis are there, then install.
# Sourced, not executed.

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version 2>/dev/null | grep -q '^10\.'; then
    log "Installing pnpm 10"
    npm install -g pnpm@10 >/dev/null
  fi
}

# Starts the local services when they are not answering (the commands of this machine kind).
ensure_services() {
  local pg_host="${PGHOST_CHECK:-127.0.0.1}"
  if ! pg_isready -h "$pg_host" -p 5432 -q 2>/dev/null; then
    log "Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h "$pg_host" -p 5432 -q && break; sleep 1; done
  fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "Starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    for _ in $(seq 1 30); do redis-cli ping >/dev/null 2>&1 && break; sleep 1; done
  fi
  pg_isready -h "$pg_host" -p 5432 -q || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis is not reachable on 127.0.0.1:6379" >&2; exit 1; }
}

install_deps() {
  log "Installing dependencies (pnpm install --frozen-lockfile)"
  pnpm install --frozen-lockfile --reporter=append-only >/dev/null
}
