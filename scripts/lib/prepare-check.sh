#!/usr/bin/env bash
# Tries ensure_services of prepare.sh against fake commands, in a throwaway directory: the
# machine's real PostgreSQL and Redis are never asked, started, stopped or installed.
#   bash scripts/lib/prepare-check.sh
# PATH holds only the fakes and a few basic tools; the ports point where nothing listens.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
failures=0

fake() { # fake DIR NAME BODY: an executable in DIR that logs its call, then runs BODY
  printf '#!%s\necho "%s $*" >> "%s/calls"\n%s\n' "$(command -v bash)" "$2" "$T" "$3" > "$1/$2"
  chmod +x "$1/$2"
}

# A fresh machine: basic tools only, nothing of PostgreSQL or Redis. $1: the user id `id -u` says.
# The packages' commands wait in $T/pkg/<package>/; apt-get install copies them into the PATH, and
# Debian's postgresql package creates cluster 17/main with its default pg_hba.conf.
machine() {
  T="$(mktemp -d)"
  mkdir -p "$T/bin" "$T/state" "$T/etc" "$T/lib" "$T/pkg/postgresql" "$T/pkg/redis-server"
  : > "$T/calls"
  for tool in bash ls sort tail head grep cat seq sleep mkdir touch rm chmod sed cp; do
    ln -s "$(command -v "$tool")" "$T/bin/$tool"
  done
  fake "$T/bin" id "echo $1"
  fake "$T/pkg/postgresql" pg_isready "[ -f '$T/state/pg' ]"
  fake "$T/pkg/postgresql" pg_ctlcluster "[ \"\${*: -1}\" != start ] || touch '$T/state/pg'"
  fake "$T/pkg/postgresql" pg_createcluster ""
  fake "$T/pkg/redis-server" redis-server "touch '$T/state/redis'"
  fake "$T/pkg/redis-server" redis-cli "[ -f '$T/state/redis' ]"
  fake "$T/bin" apt-get "
[ \"\$1\" = install ] || exit 0
for pkg in \"\$@\"; do
  [ -d '$T/pkg/'\"\$pkg\" ] && cp '$T/pkg/'\"\$pkg\"/* '$T/bin/'
  if [ \"\$pkg\" = postgresql ]; then
    mkdir -p '$T/lib/17' '$T/etc/17/main'
    printf 'local all postgres peer\\nhost all all 127.0.0.1/32 scram-sha-256\\n' > '$T/etc/17/main/pg_hba.conf'
  fi
done
exit 0"
}

# Installed before this script runs (as by an administrator).
make_postgres() { cp "$T/pkg/postgresql/"* "$T/bin/"; }
make_redis() { cp "$T/pkg/redis-server/"* "$T/bin/"; }

run() { # runs ensure_services on the fake machine; its output in $T/out, its exit status in $T/rc
  set +e
  (
    export PATH="$T/bin" ARC_PG_PORT=1 ARC_REDIS_PORT=1 ARC_PG_ETC="$T/etc" ARC_PG_LIB="$T/lib"
    # shellcheck source=scripts/lib/prepare.sh
    source "$ROOT/scripts/lib/prepare.sh"
    ensure_services
  ) > "$T/out" 2>&1
  echo $? > "$T/rc"
  set -e
}

check() { # check WHAT CONDITION...
  local what="$1"
  shift
  if "$@"; then echo "  ok   $what"; else echo "  FAIL $what"; failures=$((failures + 1)); fi
}
called() { grep -q -- "$1" "$T/calls"; }
not_called() { ! grep -q -- "$1" "$T/calls"; }
rc_is() { [ "$(cat "$T/rc")" = "$1" ]; }
said() { grep -q -- "$1" "$T/out"; }

echo "1. both installed and running: nothing installed or started"
machine 0
make_postgres
make_redis
touch "$T/state/pg" "$T/state/redis"
run
check "exit 0" rc_is 0
check "no apt-get" not_called "apt-get"
check "no start" not_called "pg_ctlcluster"
check "no redis-server" not_called "redis-server"
rm -rf "$T"

echo "2. installed but stopped: started, not installed, pg_hba.conf untouched"
machine 0
make_postgres
make_redis
mkdir -p "$T/lib/16" "$T/etc/16/main"
echo "host all all 127.0.0.1/32 scram-sha-256" > "$T/etc/16/main/pg_hba.conf"
run
check "exit 0" rc_is 0
check "no apt-get" not_called "apt-get"
check "pg_ctlcluster 16 main start" called "pg_ctlcluster --skip-systemctl-redirect 16 main start"
check "redis-server started on the port" called "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 1"
check "pg_hba.conf of the existing cluster unchanged" \
  grep -qx "host all all 127.0.0.1/32 scram-sha-256" "$T/etc/16/main/pg_hba.conf"
check "no trust line added" bash -c "! grep -q trust '$T/etc/16/main/pg_hba.conf'"
rm -rf "$T"

echo "3. not installed, root: apt-get installs both, trust for 127.0.0.1 and ::1 first, then started"
machine 0
run
check "exit 0" rc_is 0
check "apt-get update" called "apt-get update -q"
check "apt-get install postgresql redis-server" called \
  "apt-get install -y -q --no-install-recommends postgresql redis-server"
check "said what it installs" said "Installing postgresql redis-server"
check "trust line for 127.0.0.1 first" bash -c "sed -n 2p '$T/etc/17/main/pg_hba.conf' | grep -q '127.0.0.1/32    trust'"
check "trust line for ::1" grep -q "::1/128         trust" "$T/etc/17/main/pg_hba.conf"
check "the package's own lines kept after them" grep -q "scram-sha-256" "$T/etc/17/main/pg_hba.conf"
check "pg_ctlcluster 17 main start" called "pg_ctlcluster --skip-systemctl-redirect 17 main start"
check "redis-server started" called "redis-server --daemonize yes"
echo "   again on the same machine (now installed, stopped): pg_hba.conf not edited twice"
rm -f "$T/state/pg" "$T/state/redis"
: > "$T/calls"
run
check "exit 0" rc_is 0
check "no apt-get" not_called "apt-get"
check "one block of trust lines" bash -c "[ \$(grep -c 'added by scripts/lib/prepare.sh' '$T/etc/17/main/pg_hba.conf') = 1 ]"
rm -rf "$T"

echo "4. not installed, not root: a clear message what to run, nothing installed"
machine 1000
run
check "exit 1" rc_is 1
check "no apt-get" not_called "apt-get"
check "names the command" said "apt-get update && apt-get install -y postgresql redis-server"
rm -rf "$T"

echo "5. only Redis missing, root: only redis-server installed; PostgreSQL not reconfigured"
machine 0
make_postgres
mkdir -p "$T/lib/15" "$T/etc/15/main"
echo "host all all 127.0.0.1/32 md5" > "$T/etc/15/main/pg_hba.conf"
touch "$T/state/pg"
run
check "exit 0" rc_is 0
check "apt-get install redis-server only" called "apt-get install -y -q --no-install-recommends redis-server"
check "postgresql not installed" not_called "install -y -q --no-install-recommends postgresql"
check "pg_hba.conf unchanged" bash -c "! grep -q trust '$T/etc/15/main/pg_hba.conf'"
rm -rf "$T"

if [ "$failures" -gt 0 ]; then
  echo "prepare-check: $failures failed"
  exit 1
fi
echo "prepare-check: all passed"
