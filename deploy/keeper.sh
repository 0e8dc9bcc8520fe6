#!/usr/bin/env bash
# Keeps SmartStore's processes running between `up` and `down`. Sourced by ./smartstore.

# keep_running NAME CMD...: runs CMD, and runs it again when it stops by itself — a crash, the kernel's OOM killer — so a
# chain's silo or web host is back within seconds at 3 a.m. instead of when someone next looks. The pause before a start
# again is SMARTSTORE_RESTART_DELAY seconds (default 5), doubled up to a minute while it keeps stopping within ten minutes
# of starting (a port taken, the database gone), back to the first once it has run ten minutes. SIGTERM (`down`) stops
# CMD, waits for it to shut down and ends the keeper. Each stop and start again is a line in CMD's own log.
keep_running() {
  local name=$1; shift
  local first=${SMARTSTORE_RESTART_DELAY:-5} delay child="" began status
  delay=$first
  # Only a child still running is signalled: its pid is forgotten as soon as it ends, never another process's.
  trap 'if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi; exit 0' TERM INT
  while true; do
    began=$SECONDS
    "$@" &
    child=$!
    status=0
    wait "$child" || status=$?
    # A signal interrupts `wait` before the child has ended: the trap (above) waits for it and exits.
    child=""
    printf '[smartstore] %s stopped by itself (exit %s) at %s; starting it again in %s s\n' "$name" "$status" "$(date -u +%FT%TZ)" "$delay"
    sleep "$delay" &
    wait $! || true
    if (( SECONDS - began >= 600 )); then delay=$first; else delay=$(( delay * 2 > 60 ? 60 : delay * 2 )); fi
  done
}

# keep_database DIR PORT: PostgreSQL runs as its own daemon (pg_ctl), not as a child to wait on, so it is looked at
# instead: every SMARTSTORE_DB_CHECK seconds (default 10), and started again when it has stopped by itself — killed by the
# OOM killer, a crash. The silo and the web host reconnect by themselves once it answers. A start that fails (a disk full,
# a broken setting) is tried again after twice the pause each time, up to five minutes, rather than every check filling
# the log; back to every check once it runs. SIGTERM (`down`) ends the watch first, so the database `down` stops stays
# stopped. Each start again, and each failed one, is a line in the watch's log.
keep_database() {
  local dir=$1 port=$2 every=${SMARTSTORE_DB_CHECK:-10} bin pause="" next backoff
  bin=$(pg_bin) || return 1
  next=$every backoff=$every
  trap 'if [ -n "$pause" ]; then kill "$pause" 2>/dev/null || true; fi; exit 0' TERM INT
  while true; do
    sleep "$next" &
    pause=$!
    wait "$pause" || true
    pause=""
    next=$every
    pg_as_owner "'$bin/pg_ctl' -D '$dir' status" >/dev/null 2>&1 && continue
    printf '[smartstore] postgres was found stopped at %s; starting it again\n' "$(date -u +%FT%TZ)"
    if pg_cluster_start "$dir" "$port"; then
      printf '[smartstore] postgres started again\n'
      backoff=$every
      continue
    fi
    backoff=$(( backoff * 2 > 300 ? 300 : backoff * 2 ))
    next=$backoff
    printf '[smartstore] postgres did not start: %s; next try in %s s\n' "$(tail -n 3 "$dir/server.log" | tr '\n' ' ')" "$next"
  done
}
