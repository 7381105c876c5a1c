#!/usr/bin/env bash
# Starts a local PostgreSQL 15 server for Atlas4J's integration tests (PostgreSQL dialect *IT).
#
# Runs as root on a fresh Debian 12 machine, non-interactively, and is idempotent: every step checks
# before it acts, so running it again on a machine where the server is up only re-prints the URL.
# The server is tuned for speed over durability (fsync off): for test machines only.
# Progress goes to stderr; stdout carries only the final `export ...` line, so callers can write
#   eval "$(.ci/start-postgres.sh)"
set -euo pipefail

PG_MAJOR=15
CLUSTER=main
PORT=5432
PASSWORD=pass
DEV_DB=dev

log() { echo "start-postgres: $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  log "must run as root (installs packages and starts the cluster as the postgres user)"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

if ! dpkg-query -W -f='${Status}' "postgresql-${PG_MAJOR}" 2>/dev/null | grep -q 'install ok installed'; then
  log "installing postgresql-${PG_MAJOR}"
  apt-get update -qq >&2
  apt-get install -y -qq "postgresql-${PG_MAJOR}" >&2
fi

# Debian's package creates the cluster, but an image may have removed it (or never had one).
if ! pg_lsclusters -h | awk -v v="$PG_MAJOR" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  log "creating cluster ${PG_MAJOR}/${CLUSTER}"
  pg_createcluster "$PG_MAJOR" "$CLUSTER" --port "$PORT" >&2
fi

if ! pg_lsclusters -h | awk -v v="$PG_MAJOR" -v c="$CLUSTER" '$1 == v && $2 == c && $4 == "online" { found = 1 } END { exit !found }'; then
  log "starting cluster ${PG_MAJOR}/${CLUSTER}"
  pg_ctlcluster "$PG_MAJOR" "$CLUSTER" start >&2
fi

psql_admin() {
  # Peer authentication over the Unix socket: no password needed for the postgres OS user.
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" "$@"
}

log "waiting for the server to accept connections"
for _ in $(seq 1 60); do
  if runuser -u postgres -- pg_isready -q -p "$PORT"; then
    break
  fi
  sleep 0.5
done
runuser -u postgres -- pg_isready -q -p "$PORT" || { log "server did not become ready"; exit 1; }

# TCP logins on localhost use scram-sha-256 in Debian's default pg_hba.conf; they need a password.
psql_admin -d postgres -c "ALTER USER postgres PASSWORD '${PASSWORD}'" >&2

# A throwaway test server needs no durability. Without these, every DROP DATABASE (one per closed dev
# session) waits for a forced checkpoint's fsyncs. All three take effect on reload.
psql_admin -d postgres -c "ALTER SYSTEM SET fsync = off" -c "ALTER SYSTEM SET synchronous_commit = off" \
  -c "ALTER SYSTEM SET full_page_writes = off" -c "SELECT pg_reload_conf()" >/dev/null

if [[ $(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${DEV_DB}'") != 1 ]]; then
  log "creating database ${DEV_DB}"
  psql_admin -d postgres -c "CREATE DATABASE \"${DEV_DB}\"" >&2
fi

# The last check goes over TCP with the password, exactly as the tests connect.
for _ in $(seq 1 60); do
  if PGPASSWORD="$PASSWORD" psql -X -q -h localhost -p "$PORT" -U postgres -d "$DEV_DB" -tAc 'SELECT 1' >/dev/null 2>&1; then
    echo "export ATLAS4J_TEST_POSTGRES_URL='postgres://postgres:${PASSWORD}@localhost:${PORT}/${DEV_DB}?sslmode=disable'"
    exit 0
  fi
  sleep 0.5
done
log "database ${DEV_DB} does not accept TCP connections as postgres on localhost:${PORT}"
exit 1
