#!/bin/bash
# Entrypoint of mutationharness/mariadb:<version> (built by 'harness servers image'): the official image's
# variables, then the server in the foreground.
#   MARIADB_ROOT_PASSWORD (or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1), MARIADB_ROOT_HOST (default %),
#   MARIADB_DATABASE, MARIADB_USER + MARIADB_PASSWORD (all rights on MARIADB_DATABASE).
# The image carries a data directory initialised at build time, so a start only sets the accounts up; an empty
# data directory (a fresh volume) is initialised first.
set -euo pipefail

datadir=/var/lib/mysql
pending="$datadir/.accounts-pending"
say() { printf 'entrypoint: %s\n' "$*" >&2; }

# Anything but the server (a shell, the client) runs as given.
if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then set -- mariadbd "$@"; fi
if [ "$1" != mariadbd ]; then exec "$@"; fi

sql_string() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\\\'}"; }
sql_name() { printf '`%s`' "${1//\`/\`\`}"; }

if [ ! -d "$datadir/mysql" ]; then
  say "initialising $datadir"
  chown mysql:mysql "$datadir"
  mariadb-install-db --user=mysql --datadir="$datadir" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve --force >/dev/null
  touch "$pending"
fi

init=()
if [ -e "$pending" ]; then
  if [ -z "${MARIADB_ROOT_PASSWORD:-}" ] && [ -z "${MARIADB_ALLOW_EMPTY_ROOT_PASSWORD:-}" ]; then
    say "set MARIADB_ROOT_PASSWORD (or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1)"
    exit 1
  fi
  password=$(sql_string "${MARIADB_ROOT_PASSWORD:-}")
  host=$(sql_string "${MARIADB_ROOT_HOST:-%}")
  # mariadb-install-db also makes root@127.0.0.1, root@::1 and root@<host name> without a password: only
  # root@localhost (through the socket) and the accounts asked for stay.
  sql="DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');
DELETE FROM mysql.proxies_priv WHERE User = 'root' AND Host <> 'localhost';
FLUSH PRIVILEGES;
ALTER USER 'root'@'localhost' IDENTIFIED BY $password;"
  if [ "${MARIADB_ROOT_HOST:-%}" != localhost ]; then
    sql+="
CREATE USER 'root'@$host IDENTIFIED BY $password;
GRANT ALL ON *.* TO 'root'@$host WITH GRANT OPTION;"
  fi
  if [ -n "${MARIADB_DATABASE:-}" ]; then
    sql+="
CREATE DATABASE IF NOT EXISTS $(sql_name "$MARIADB_DATABASE");"
  fi
  if [ -n "${MARIADB_USER:-}" ]; then
    sql+="
CREATE USER $(sql_string "$MARIADB_USER")@'%' IDENTIFIED BY $(sql_string "${MARIADB_PASSWORD:-}");"
    if [ -n "${MARIADB_DATABASE:-}" ]; then
      sql+="
GRANT ALL ON $(sql_name "$MARIADB_DATABASE").* TO $(sql_string "$MARIADB_USER")@'%';"
    fi
  fi
  # The server runs the file before it listens, so once it answers the accounts are there (and a health check
  # never passes before). The file, readable by the server's account alone, is gone once it answers.
  dir=$(mktemp -d /run/mysqld/init.XXXXXX)
  printf '%s\n' "$sql" >"$dir/accounts.sql"
  chown -R mysql:mysql "$dir"
  chmod 0700 "$dir"
  init=(--init-file="$dir/accounts.sql")
fi

say "starting $*"
"$@" --user=mysql "${init[@]}" &
server=$!
# The shell stays process 1 and hands stop signals on: the kernel drops signals to a process 1 that installed no
# handler, and mariadbd waits for its signals in a thread, so 'docker stop' would have to kill it after its timeout.
trap 'kill -TERM "$server" 2>/dev/null' TERM INT QUIT
if [ "${#init[@]}" -gt 0 ]; then
  until mariadb-admin ping --silent >/dev/null 2>&1 || ! kill -0 "$server" 2>/dev/null; do sleep 0.1; done
  rm -rf "$dir"
  kill -0 "$server" 2>/dev/null && rm -f "$pending"
fi
while :; do
  wait "$server" && status=0 || status=$?
  kill -0 "$server" 2>/dev/null || break # a trapped signal ends the wait early; wait again while the server runs
done
exit "$status"
