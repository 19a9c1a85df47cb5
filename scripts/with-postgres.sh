#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on 127.0.0.1, exported as TEST_DATABASE_URL
# (and E2E_DATABASE_URL's server). PostgreSQL refuses to run as root, so as root it runs as the
# `postgres` user. Usage: scripts/with-postgres.sh <command…>
set -euo pipefail

pg_bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && pg_bin="$candidate"
done
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL server not found: install it with 'apt-get install -y postgresql' (or set TEST_DATABASE_URL)." >&2
  exit 3
fi

# below the ephemeral range (scripts/test.sh says why)
port="${PG_TEST_PORT:-25432}"
workdir="$(mktemp -d /tmp/klyngeregnskab-pg.XXXXXX)"
as_owner=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$workdir"
  as_owner=(runuser -u postgres --)
fi

"${as_owner[@]}" "$pg_bin/initdb" -D "$workdir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off -c max_connections=200" start >/dev/null

stop() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$workdir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop EXIT

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for tests at $TEST_DATABASE_URL"
"$@"
