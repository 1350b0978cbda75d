# A throwaway PostgreSQL server for the tracker's tests, sourced by .ci/run.
#
#   start_postgres   installs Debian's postgresql when no server binaries are found,
#                    makes a cluster in a temporary folder (as the `postgres` user when
#                    run as root: the server refuses to run as root), starts it on a Unix
#                    socket in that folder (no TCP port, so parallel runs never collide),
#                    and exports SHOWCASE_TEST_POSTGRES_URL.
#   stop_postgres    stops it and removes the folder (.ci/run calls it from a trap).
#
# fsync is off: the tests kill clients, never the server, and a throwaway cluster
# need not survive a power cut.

_pg_bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then
    found=$(dirname "$(command -v pg_ctl)")
  fi
  echo "$found"
}

_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  local bindir
  bindir=$(_pg_bindir)
  if [ -z "$bindir" ]; then
    echo "installing postgresql (Debian package) for the tracker's tests"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    bindir=$(_pg_bindir)
  fi
  if [ -z "$bindir" ]; then
    echo "PostgreSQL server binaries not found after installing postgresql" >&2
    return 1
  fi
  SHOWCASE_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/showcase-pg.XXXXXX")
  export SHOWCASE_PG_DIR
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$SHOWCASE_PG_DIR"
  fi
  _pg_as_owner "$bindir/initdb" -D "$SHOWCASE_PG_DIR/data" -U showcase -A trust -E UTF8 \
    --no-sync >"$SHOWCASE_PG_DIR/initdb.log" 2>&1 || {
    cat "$SHOWCASE_PG_DIR/initdb.log" >&2
    return 1
  }
  _pg_as_owner "$bindir/pg_ctl" -D "$SHOWCASE_PG_DIR/data" -l "$SHOWCASE_PG_DIR/server.log" \
    -o "-c listen_addresses='' -k $SHOWCASE_PG_DIR -c fsync=off -c max_connections=100" \
    -w -t 60 start >/dev/null || {
    cat "$SHOWCASE_PG_DIR/server.log" >&2
    return 1
  }
  SHOWCASE_PG_BINDIR=$bindir
  export SHOWCASE_PG_BINDIR
  export SHOWCASE_TEST_POSTGRES_URL="postgresql://showcase@/postgres?host=$SHOWCASE_PG_DIR"
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $SHOWCASE_PG_DIR"
}

stop_postgres() {
  if [ -n "${SHOWCASE_PG_DIR:-}" ] && [ -d "$SHOWCASE_PG_DIR" ]; then
    _pg_as_owner "$SHOWCASE_PG_BINDIR/pg_ctl" -D "$SHOWCASE_PG_DIR/data" -m immediate \
      -w stop >/dev/null 2>&1 || true
    rm -rf "$SHOWCASE_PG_DIR"
  fi
}
