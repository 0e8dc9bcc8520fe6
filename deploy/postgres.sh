#!/usr/bin/env bash
# PostgreSQL bootstrap for SmartStore: a private cluster in a folder of ours, on a loopback port.
# Works as root (initdb and postgres run as the `postgres` user, which must own the folder) and as
# an ordinary user (who then owns the cluster). Sourced by ./smartstore.

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; return 1; }
  echo "$bin"
}

# Runs a command as the cluster owner.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

pg_superuser() { [ "$(id -u)" = 0 ] && echo postgres || id -un; }

# pg_cluster_start DIR PORT: create the cluster on first use, start it if it is not running.
pg_cluster_start() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin) || return 1
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    echo "postgres: creating cluster in $dir"
    pg_as_owner "'$bin/initdb' -D '$dir' -U '$(pg_superuser)' --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" \
      >"$dir/../initdb-$port.log" 2>&1 || { cat "$dir/../initdb-$port.log" >&2; return 1; }
  fi
  if pg_as_owner "'$bin/pg_ctl' -D '$dir' status" >/dev/null 2>&1; then
    return 0
  fi
  echo "postgres: starting on 127.0.0.1:$port"
  # The port lies in Linux's ephemeral range (32768-60999): a client connection of the moment (a test run's, a browser's)
  # may hold it as its local port for a while, and the server then cannot bind. That passes; try again for up to 60 s.
  local attempt
  for attempt in $(seq 1 30); do
    if pg_as_owner "'$bin/pg_ctl' -D '$dir' -w -t 60 -l '$dir/server.log' \
      -o \"-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=/tmp -c max_connections=200 -c fsync=on\" start" >/dev/null; then
      return 0
    fi
    tail -n 5 "$dir/server.log" | grep -q "Address already in use" || return 1
    [ "$attempt" = 1 ] && echo "postgres: 127.0.0.1:$port is held by another connection for now; trying again for up to 60 s"
    sleep 2
  done
  return 1
}

pg_cluster_stop() {
  local dir=$1 bin
  bin=$(pg_bin) || return 0
  [ -f "$dir/PG_VERSION" ] || return 0
  pg_as_owner "'$bin/pg_ctl' -D '$dir' -m fast -w stop" >/dev/null 2>&1 || true
}

# pg_sql PORT SQL: run SQL as the cluster superuser over the local socket.
pg_sql() {
  local port=$1 sql=$2 bin
  bin=$(pg_bin) || return 1
  pg_as_owner "'$bin/psql' -h /tmp -p $port -d postgres -v ON_ERROR_STOP=1 -qtAc \"$sql\""
}

# pg_ensure_role_db PORT ROLE PASSWORD DB [CREATEDB]: idempotent role + database.
pg_ensure_role_db() {
  local port=$1 role=$2 password=$3 db=$4 extra=${5:-}
  local exists
  exists=$(pg_sql "$port" "SELECT 1 FROM pg_roles WHERE rolname='$role'")
  if [ "$exists" = 1 ]; then
    pg_sql "$port" "ALTER ROLE $role WITH LOGIN PASSWORD '$password' $extra" >/dev/null
  else
    pg_sql "$port" "CREATE ROLE $role WITH LOGIN PASSWORD '$password' $extra" >/dev/null
  fi
  exists=$(pg_sql "$port" "SELECT 1 FROM pg_database WHERE datname='$db'")
  [ "$exists" = 1 ] || pg_sql "$port" "CREATE DATABASE $db OWNER $role" >/dev/null
}
