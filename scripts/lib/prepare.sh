#!/usr/bin/env bash
# Shared by demo.sh and test.sh: make sure pnpm, PostgreSQL and Redis are there, then install.
# Sourced, not executed.

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version 2>/dev/null | grep -q '^10\.'; then
    log "Installing pnpm 10"
    npm install -g pnpm@10 >/dev/null
  fi
}

# Where the services are looked for. Overridable only so that scripts/lib/prepare-check.sh can
# try this logic against fake commands without touching the machine's real services.
PG_PORT="${ARC_PG_PORT:-5432}"
REDIS_PORT="${ARC_REDIS_PORT:-6379}"
PG_ETC="${ARC_PG_ETC:-/etc/postgresql}"
PG_LIB="${ARC_PG_LIB:-/usr/lib/postgresql}"

# The highest version-named directory in $1 (e.g. 17 of /usr/lib/postgresql/{15,17}); empty if none.
newest_version() {
  local dir names=()
  for dir in "$1"/*/; do [ -d "$dir" ] && { dir="${dir%/}"; names+=("${dir##*/}"); }; done
  [ "${#names[@]}" -gt 0 ] && printf '%s\n' "${names[@]}" | sort -V | tail -n1
}

# A TCP connection succeeds (bash's /dev/tcp: works before any client tool is installed).
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -h 127.0.0.1 -p "$PG_PORT" -q 2>/dev/null
  else
    port_open 127.0.0.1 "$PG_PORT"
  fi
}

redis_ready() {
  if command -v redis-cli >/dev/null 2>&1; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1
  else
    port_open 127.0.0.1 "$REDIS_PORT"
  fi
}

# Debian's PostgreSQL is installed when postgresql-common's pg_ctlcluster and a server version are there.
postgres_installed() { command -v pg_ctlcluster >/dev/null 2>&1 && [ -n "$(newest_version "$PG_LIB")" ]; }
redis_installed() { command -v redis-server >/dev/null 2>&1; }

# apt-get install as root; not root: say exactly what to run, and stop.
install_packages() {
  if [ "$(id -u)" != 0 ]; then
    {
      echo "Not installed: $*. Install them from Debian's packages as root, then run this again:"
      echo "    apt-get update && apt-get install -y $*"
    } >&2
    exit 1
  fi
  log "Installing $* (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

# Only for a PostgreSQL this script has just installed: its "main" cluster (created if the
# package did not), on 127.0.0.1:5432, with trust for TCP connections from this machine, as the
# tests and the demo connect (user postgres, no password). An existing installation is never edited.
configure_new_postgres() {
  local version
  version="$(newest_version "$PG_LIB")"
  if [ ! -d "$PG_ETC/$version/main" ]; then
    pg_createcluster --port "$PG_PORT" "$version" main >/dev/null
  fi
  local hba="$PG_ETC/$version/main/pg_hba.conf"
  if ! grep -q 'added by scripts/lib/prepare.sh' "$hba"; then
    local original
    original="$(cat "$hba")"
    {
      echo "# added by scripts/lib/prepare.sh (fresh install): local TCP connections without a password"
      echo "host    all    all    127.0.0.1/32    trust"
      echo "host    all    all    ::1/128         trust"
      printf '%s\n' "$original"
    } > "$hba"
  fi
  # Started by the package already (with systemd): it must read the new pg_hba.conf.
  if pg_ready; then pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true; fi
}

start_postgres() {
  log "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(newest_version "$PG_ETC")" main start || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
}

start_redis() {
  log "Starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  for _ in $(seq 1 30); do redis_ready && break; sleep 1; done
}

# PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379: started if installed but stopped,
# installed from Debian's packages first (as root) if not installed at all.
ensure_services() {
  local missing=() fresh_postgres=false
  if ! pg_ready && ! postgres_installed; then missing+=(postgresql); fresh_postgres=true; fi
  if ! redis_ready && ! redis_installed; then missing+=(redis-server); fi
  if [ "${#missing[@]}" -gt 0 ]; then install_packages "${missing[@]}"; fi
  if [ "$fresh_postgres" = true ]; then configure_new_postgres; fi
  pg_ready || start_postgres
  redis_ready || start_redis
  pg_ready || { echo "PostgreSQL is not reachable on 127.0.0.1:${PG_PORT}" >&2; exit 1; }
  redis_ready || { echo "Redis is not reachable on 127.0.0.1:${REDIS_PORT}" >&2; exit 1; }
}

install_deps() {
  log "Installing dependencies (pnpm install --frozen-lockfile)"
  pnpm install --frozen-lockfile --reporter=append-only >/dev/null
}
