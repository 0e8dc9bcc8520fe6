#!/usr/bin/env bash
# Backup and restore of a SmartStore installation: the database (pg_dump's custom format, a consistent snapshot taken
# while everything runs), the secrets file (cameras' FTP passwords and API keys: without it no camera can log in again)
# and, when asked, the pictures. One tar file. Sourced by ./smartstore, after deploy/postgres.sh.

# pg_target: PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD from SMARTSTORE_PG (Npgsql's key=value;… form), for the
# PostgreSQL tools.
pg_target() {
  local pair key value
  IFS=';' read -ra pairs <<<"$SMARTSTORE_PG"
  for pair in "${pairs[@]}"; do
    [ -n "$pair" ] || continue
    key=$(echo "${pair%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')
    value=${pair#*=}
    case $key in
      host|server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      database|db) export PGDATABASE=$value ;;
      username|user|userid) export PGUSER=$value ;;
      password) export PGPASSWORD=$value ;;
    esac
  done
  [ -n "${PGDATABASE:-}" ] || die "SMARTSTORE_PG names no database"
}

# db_summary: "N stores, M cameras, schema 0124" of the database PG* points at.
db_summary() {
  "$(pg_bin)/psql" -X -qtA -v ON_ERROR_STOP=1 -c "SELECT (SELECT count(*) FROM stores) || ' stores, ' || (SELECT count(*) FROM cameras)
    || ' cameras, schema ' || coalesce((SELECT lpad(max(version)::text, 4, '0') FROM schema_migrations), 'none')" 2>/dev/null || echo "no SmartStore schema"
}

images_dir() { echo "${Ingest__ImagesPath:-$STATE/images}"; }

# Working folders, removed when the command ends however it ends.
WORK_DIRS=()
trap 'rm -rf "${WORK_DIRS[@]}"' EXIT

# ./smartstore backup [FILE] [--images] [--keep N]
cmd_backup() {
  local file="" images="" keep="" arg expect_keep=""
  for arg in "$@"; do
    if [ -n "$expect_keep" ]; then keep=$arg; expect_keep=""; continue; fi
    case $arg in
      --images) images=1 ;;
      --keep) expect_keep=1 ;;
      -*) die "usage: ./smartstore backup [FILE] [--images] [--keep N]" ;;
      *) file=$arg ;;
    esac
  done
  [ -z "$expect_keep" ] || die "--keep needs a number: how many of the nightly backups to keep"
  if [ -n "$keep" ]; then
    [[ $keep =~ ^[1-9][0-9]*$ ]] || die "--keep $keep: give how many backups to keep (1 or more)"
    [ -z "$file" ] || die "--keep prunes the backups folder's own backups: name no FILE with it"
  fi
  [ -n "$file" ] || file="$STATE/backups/smartstore-$(date +%Y%m%d-%H%M%S).tar"
  mkdir -p "$(dirname "$file")"
  start_db
  pg_target
  local work; work=$(mktemp -d); WORK_DIRS+=("$work")
  say "backing up database $PGDATABASE on $PGHOST:$PGPORT ($(db_summary))"
  "$(pg_bin)/pg_dump" -Fc --no-owner --no-privileges -f "$work/database.dump" || die "pg_dump failed: nothing written"
  [ -f "$STATE/secrets.json" ] && cp "$STATE/secrets.json" "$work/secrets.json"
  { echo "SmartStore backup"; echo "created: $(date -u +%Y-%m-%dT%H:%M:%SZ)"; echo "database: $(db_summary)"
    echo "images: $([ -n "$images" ] && echo yes || echo no)"; } >"$work/manifest.txt"
  local parts=(manifest.txt database.dump)
  [ -f "$work/secrets.json" ] && parts+=(secrets.json)
  if [ -n "$images" ] && [ -d "$(images_dir)" ]; then
    say "adding the pictures in $(images_dir) ($(du -sh "$(images_dir)" | cut -f1))"
    ln -s "$(images_dir)" "$work/images"
    parts+=(images)
  fi
  # Written beside the target and moved into place: a backup cut short never stands as a whole one.
  # It holds the secrets and every account's password hash: readable by its owner only.
  (umask 077; tar -C "$work" -chf "$file.partial" "${parts[@]}") || { rm -f "$file.partial"; die "the backup could not be written to $file"; }
  mv "$file.partial" "$file"
  say "backup written: $file ($(du -h "$file" | cut -f1); database $(du -h "$work/database.dump" | cut -f1)$([ -n "$images" ] && echo ", with pictures"))"
  [ -z "$keep" ] || prune_backups "$(dirname "$file")" "$keep"
}

# prune_backups DIR N: the N newest smartstore-*.tar stay (their names sort by time); older ones go. Backups kept before a
# restore (before-restore-*) are never pruned.
prune_backups() {
  local dir=$1 keep=$2 old
  mapfile -t old < <(ls -1 "$dir" | grep -E '^smartstore-[0-9]{8}-[0-9]{6}\.tar$' | sort -r | tail -n +$((keep + 1)))
  [ ${#old[@]} -gt 0 ] || return 0
  (cd "$dir" && rm -f -- "${old[@]}")
  say "removed ${#old[@]} older backup(s), kept the newest $keep"
}

# refuse_newer_schema DUMP FILE: a backup written by a newer SmartStore (migrations this checkout does not have) is refused
# before anything is replaced: this version would run on tables it does not know. Read from the dump itself, not the manifest.
refuse_newer_schema() {
  local theirs ours
  theirs=$("$(pg_bin)/pg_restore" --data-only --table=schema_migrations -f - "$1" 2>/dev/null \
    | awk '/^COPY .*schema_migrations/ { copying = 1; next } /^\\\.$/ { copying = 0 } copying && $1 ~ /^[0-9]+$/ && $1 > max { max = $1 } END { print max + 0 }')
  ours=$(ls "$ROOT/storage/Migrations" | sed -n 's/^\([0-9]\{4\}\)_.*/\1/p' | sort | tail -1)
  ours=$((10#${ours:-0}))
  [ "${theirs:-0}" -le "$ours" ] || die "$2 was written by a newer SmartStore (schema $(printf %04d "$theirs"); this one knows up to $(printf %04d "$ours")): update SmartStore, then restore. Nothing changed"
}

# ./smartstore restore FILE --yes
cmd_restore() {
  local file="" yes="" arg
  for arg in "$@"; do
    case $arg in
      --yes) yes=1 ;;
      -*) die "usage: ./smartstore restore FILE --yes" ;;
      *) file=$arg ;;
    esac
  done
  [ -n "$file" ] || die "usage: ./smartstore restore FILE --yes"
  [ -f "$file" ] || die "no backup at $file"
  local work; work=$(mktemp -d); WORK_DIRS+=("$work")
  # Everything is checked before anything is replaced: a truncated or foreign file changes nothing. Listing reads the whole
  # archive; the pictures, which may be gigabytes, are extracted straight into place at the end, not copied twice.
  tar -tf "$file" >"$work/contents" 2>"$work/tar-errors" || die "$file is not a readable backup: $(head -c 300 "$work/tar-errors")"
  grep -qx manifest.txt "$work/contents" && grep -qx database.dump "$work/contents" \
    || die "$file is not a SmartStore backup (no manifest.txt and database.dump in it)"
  local parts=(manifest.txt database.dump)
  grep -qx secrets.json "$work/contents" && parts+=(secrets.json)
  tar -C "$work" -xf "$file" "${parts[@]}" 2>"$work/tar-errors" || die "$file could not be read: $(head -c 300 "$work/tar-errors")"
  "$(pg_bin)/pg_restore" --list "$work/database.dump" >/dev/null 2>"$work/list-errors" \
    || die "the database in $file cannot be read: $(head -c 300 "$work/list-errors")"
  refuse_newer_schema "$work/database.dump" "$file"
  local run
  for run in silo web; do
    pid_alive "$STATE/run/$run.pid" && die "SmartStore is running: stop it first (./smartstore down), then restore"
  done
  start_db
  pg_target
  say "backup: $(grep -E '^(created|database|images):' "$work/manifest.txt" | tr '\n' ' ')"
  say "replaces: database $PGDATABASE on $PGHOST:$PGPORT ($(db_summary))"
  [ -n "$yes" ] || die "nothing changed: run again with --yes to replace it"
  # What is there now is kept first, so a restore that goes wrong loses nothing.
  local before; before="$STATE/backups/before-restore-$(date +%Y%m%d-%H%M%S).tar"
  cmd_backup "$before" >/dev/null || die "the database as it is could not be backed up first: nothing changed"
  say "the database as it was is kept in $before"
  "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null 2>"$work/drop-errors" \
    || die "the database could not be cleared: $(head -c 300 "$work/drop-errors")"
  "$(pg_bin)/pg_restore" --no-owner --no-privileges --exit-on-error -d "$PGDATABASE" "$work/database.dump" 2>"$work/restore-errors" \
    || die "restoring failed: $(head -c 300 "$work/restore-errors") — the database as it was: ./smartstore restore $before --yes"
  if [ -f "$work/secrets.json" ]; then
    [ -f "$STATE/secrets.json" ] && cp "$STATE/secrets.json" "$STATE/secrets.json.before-restore"
    (umask 077; cp "$work/secrets.json" "$STATE/secrets.json")
  fi
  if grep -q '^images/' "$work/contents"; then
    mkdir -p "$(images_dir)"
    tar -xf "$file" -C "$(images_dir)" --strip-components=1 images || die "the pictures could not be restored into $(images_dir)"
    say "pictures restored into $(images_dir)"
  fi
  say "restored: $(db_summary); start with ./smartstore up (it migrates an older backup forward)"
}
