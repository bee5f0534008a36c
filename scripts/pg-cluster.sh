#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the shop-database tests and for a newcomer who wants to try
# several tills on one computer: initdb in a temporary folder, a free port on 127.0.0.1 only,
# password (SCRAM) logins, then it prints the connection URL of its superuser.
#
#   scripts/pg-cluster.sh start [folder]   starts one (a new temporary folder when none is given);
#                                          prints PG_URL=..., PG_DIR=..., PG_PORT=...
#   scripts/pg-cluster.sh stop FOLDER      stops it (fast shutdown); the folder stays
#   scripts/pg-cluster.sh restart FOLDER   starts a stopped one again on the same port
#   scripts/pg-cluster.sh destroy FOLDER   stops it and deletes the folder
#
# initdb refuses to run as root (CI runs as root): then the cluster runs as the `postgres` user
# that Debian's postgresql package creates. The binaries come from that package
# (`apt-get install postgresql`), or from FISCAL_DESK_PG_BIN.
set -euo pipefail

die() { echo "pg-cluster: $*" >&2; exit 1; }

pg_bin() {
  if [ -n "${FISCAL_DESK_PG_BIN:-}" ]; then echo "$FISCAL_DESK_PG_BIN"; return; fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    die "PostgreSQL is not installed: run 'apt-get install -y postgresql' (Debian), or set FISCAL_DESK_PG_BIN to the folder holding initdb and pg_ctl"
  fi
  echo "$dir"
}

# Runs a PostgreSQL binary as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
  id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user (Debian's postgresql package creates it)"
  runuser -u postgres -- "$@"
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port found on 127.0.0.1"
}

start_server() {
  local dir="$1" bin="$2"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null \
    || die "PostgreSQL did not start: $(tail -n 5 "$dir/server.log" 2>/dev/null | tr '\n' ' ')"
}

print_url() {
  local dir="$1"
  local port password
  port="$(cat "$dir/port")"
  password="$(cat "$dir/password")"
  echo "PG_URL=postgres://postgres:${password}@127.0.0.1:${port}/postgres"
  echo "PG_DIR=$dir"
  echo "PG_PORT=$port"
}

cmd_start() {
  local bin dir
  bin="$(pg_bin)"
  dir="${1:-$(mktemp -d "${TMPDIR:-/tmp}/fd-pg-XXXXXX")}"
  mkdir -p "$dir"
  chmod 0755 "$dir"
  local password
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s' "$password" >"$dir/password"
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir" "$dir/pwfile"
  # fsync off: a throwaway cluster, and much faster on a shared machine.
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=scram-sha-256 --pwfile="$dir/pwfile" \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || die "initdb failed: $(tail -n 5 "$dir/initdb.log" | tr '\n' ' ')"
  rm -f "$dir/pwfile"
  local attempt port
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    as_owner sh -c "cat >> '$dir/data/postgresql.conf'" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 32MB
EOF
    printf '%s' "$port" >"$dir/port"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null 2>&1; then
      print_url "$dir"
      return
    fi
    # The port was taken between the check and the start: try another.
    [ "$attempt" -eq 5 ] && die "PostgreSQL did not start: $(tail -n 5 "$dir/server.log" 2>/dev/null | tr '\n' ' ')"
  done
}

cmd_stop() {
  local dir="${1:?the cluster folder}" bin
  bin="$(pg_bin)"
  [ -d "$dir/data" ] || die "no cluster in $dir"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
}

cmd_restart() {
  local dir="${1:?the cluster folder}" bin
  bin="$(pg_bin)"
  [ -d "$dir/data" ] || die "no cluster in $dir"
  start_server "$dir" "$bin"
  print_url "$dir"
}

cmd_destroy() {
  local dir="${1:?the cluster folder}"
  cmd_stop "$dir"
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  restart) shift; cmd_restart "$@" ;;
  destroy) shift; cmd_destroy "$@" ;;
  *) die "usage: scripts/pg-cluster.sh start [folder] | stop FOLDER | restart FOLDER | destroy FOLDER" ;;
esac
