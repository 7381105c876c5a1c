#!/usr/bin/env bash
# Starts a local MariaDB 10.11 server for Atlas4J's integration tests (MySQL dialect *IT).
#
# Runs as root on a fresh Debian 12 machine, non-interactively, without systemd, and is idempotent:
# every step checks before it acts, so running it again on a machine where the server is up only
# re-prints the URLs. Progress goes to stderr; stdout carries only the final `export ...` lines, so
# callers can write
#   eval "$(.ci/start-mariadb.sh)"
#
# Two servers: port 3306 with schema `dev` (ATLAS4J_TEST_MYSQL_URL, ATLAS4J_TEST_MARIADB_URL), and a
# small one on port 3307 without user schemas (ATLAS4J_TEST_MYSQL_SERVER_URL) for server-scope tests.
set -euo pipefail

PORT=3306
PASSWORD=pass
DEV_DB=dev
DATADIR=/var/lib/mysql
RUNDIR=/run/mysqld
SOCKET="${RUNDIR}/mysqld.sock"
LOG=/var/log/mysql/atlas4j-mariadbd.log
SERVER_PORT=3307
SERVER_DATADIR=/var/lib/mysql-atlas4j-server
SERVER_SOCKET="${RUNDIR}/mysqld-atlas4j-server.sock"
SERVER_LOG=/var/log/mysql/atlas4j-mariadbd-server.log

log() { echo "start-mariadb: $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  log "must run as root (installs packages and starts the server as the mysql user)"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

if ! dpkg-query -W -f='${Status}' mariadb-server 2>/dev/null | grep -q 'install ok installed'; then
  log "installing mariadb-server"
  apt-get update -qq >&2
  # policy-rc.d in containers denies starting services; that is fine, the server is started below.
  apt-get install -y -qq mariadb-server >&2
fi

# Debian's postinst initialises the main data directory, but an image may have removed it.
init_datadir() {
  local datadir=$1
  if [[ ! -d "${datadir}/mysql" ]]; then
    log "initialising ${datadir}"
    install -d -o mysql -g mysql "$datadir"
    mariadb-install-db --user=mysql --datadir="$datadir" --auth-root-authentication-method=socket --skip-test-db >&2
  fi
}

install -d -o mysql -g mysql "$RUNDIR"
install -d -o mysql -g adm /var/log/mysql

# As root, the unix_socket plugin lets us in over the socket without a password.
admin() { local socket=$1; shift; mariadb --protocol=socket -S "$socket" -u root "$@"; }

# start_server DATADIR SOCKET PORT LOG [extra mariadbd options]
start_server() {
  local datadir=$1 socket=$2 port=$3 logfile=$4
  shift 4
  init_datadir "$datadir"
  if admin "$socket" -e 'SELECT 1' >/dev/null 2>&1; then
    log "server on port ${port} already running"
  else
    log "starting mariadbd on port ${port} (log: ${logfile})"
    # setsid + nohup: the server outlives this script and the shell that ran it (there is no systemd).
    # Durability settings are relaxed because this is a throw-away test server; Atlas4J drops and
    # re-creates schemas for every test case, and fsync per DDL statement dominates that cost.
    setsid nohup mariadbd --user=mysql --datadir="$datadir" --socket="$socket" \
      --pid-file="${datadir}/atlas4j-mariadbd.pid" --port="$port" --bind-address=127.0.0.1 \
      --innodb-flush-log-at-trx-commit=0 --sync-binlog=0 --skip-log-bin "$@" \
      >>"$logfile" 2>&1 </dev/null &
    log "waiting for the server on port ${port} to accept connections"
    for _ in $(seq 1 120); do
      if admin "$socket" -e 'SELECT 1' >/dev/null 2>&1; then
        break
      fi
      sleep 0.5
    done
    admin "$socket" -e 'SELECT 1' >/dev/null 2>&1 || {
      log "server on port ${port} did not become ready; see ${logfile}"
      tail -n 20 "$logfile" >&2
      exit 1
    }
  fi
  # TCP logins need a password; keep unix_socket so that root on this machine still gets in without one.
  admin "$socket" -e "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('${PASSWORD}') OR unix_socket" >&2
}

start_server "$DATADIR" "$SOCKET" "$PORT" "$LOG"
admin "$SOCKET" -e "CREATE DATABASE IF NOT EXISTS \`${DEV_DB}\`" >&2

# A second, small server without user schemas, for the server-scope tests, which drop every user
# schema (a URL without a schema makes the whole server the dev database).
start_server "$SERVER_DATADIR" "$SERVER_SOCKET" "$SERVER_PORT" "$SERVER_LOG" --innodb-buffer-pool-size=64M

# The last check goes over TCP with the password, exactly as the tests connect.
for _ in $(seq 1 60); do
  if mariadb --protocol=tcp -h 127.0.0.1 -P "$PORT" -u root -p"$PASSWORD" "$DEV_DB" -e 'SELECT 1' >/dev/null 2>&1 &&
    mariadb --protocol=tcp -h 127.0.0.1 -P "$SERVER_PORT" -u root -p"$PASSWORD" -e 'SELECT 1' >/dev/null 2>&1; then
    echo "export ATLAS4J_TEST_MYSQL_URL='mysql://root:${PASSWORD}@localhost:${PORT}/${DEV_DB}'"
    echo "export ATLAS4J_TEST_MARIADB_URL='maria://root:${PASSWORD}@localhost:${PORT}/${DEV_DB}'"
    echo "export ATLAS4J_TEST_MYSQL_SERVER_URL='mysql://root:${PASSWORD}@localhost:${SERVER_PORT}'"
    exit 0
  fi
  sleep 0.5
done
log "schema ${DEV_DB} on port ${PORT} or the server on port ${SERVER_PORT} does not accept TCP connections as root"
exit 1
