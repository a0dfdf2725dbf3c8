#!/usr/bin/env bash
# Private, throw-away PostgreSQL 15 cluster for the tests.
#
# Sourced by test.sh (functions portal_pg_start / portal_pg_stop), or run by hand:
#   tools/postgres.sh start        # prints the export lines for PORTAL_TEST_POSTGRES / PORTAL_PG_DIR
#   tools/postgres.sh stop DIR     # stops the cluster started in DIR and removes DIR
#
# The cluster lives in a mktemp -d folder owned by the postgres user, listens on 127.0.0.1 on a
# free port (socket in the same folder) and uses trust authentication (any password works).

PORTAL_PG_BIN="${PORTAL_PG_BIN:-/usr/lib/postgresql/15/bin}"

# Runs a command as the postgres user when we are root (initdb/postgres refuse to run as root).
_portal_pg_as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

# Prints a TCP port on 127.0.0.1 that nothing listens on (random in 20000-59999).
portal_free_port() {
    local port i
    for i in $(seq 1 200); do
        port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "portal_free_port: no free port found" >&2
    return 1
}

# Starts the cluster. Sets and exports PORTAL_PG_DIR, PORTAL_PG_PORT, PORTAL_TEST_POSTGRES.
portal_pg_start() {
    local dir port attempt
    if [ ! -x "$PORTAL_PG_BIN/initdb" ] || [ ! -x "$PORTAL_PG_BIN/pg_ctl" ]; then
        echo "portal_pg_start: PostgreSQL binaries not found in $PORTAL_PG_BIN" >&2
        return 1
    fi
    dir=$(mktemp -d "${TMPDIR:-/tmp}/portal-pg.XXXXXXXX") || return 1
    PORTAL_PG_DIR="$dir"
    export PORTAL_PG_DIR
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir" || return 1
    fi
    chmod 700 "$dir"
    if ! _portal_pg_as_postgres "$PORTAL_PG_BIN/initdb" -A trust -U postgres -E UTF8 \
            --locale=C.UTF-8 -D "$dir/data" >"$dir/initdb.log" 2>&1; then
        echo "portal_pg_start: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        return 1
    fi
    # A port can be taken between the check and the start: try a few.
    for attempt in 1 2 3 4 5; do
        port=$(portal_free_port) || return 1
        if _portal_pg_as_postgres "$PORTAL_PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
                -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
                start >/dev/null 2>&1; then
            PORTAL_PG_PORT="$port"
            PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
            export PORTAL_PG_PORT PORTAL_TEST_POSTGRES
            return 0
        fi
        echo "portal_pg_start: start on port $port failed (attempt $attempt):" >&2
        tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
    done
    return 1
}

# Stops the cluster in $1 (default $PORTAL_PG_DIR) and removes its folder. Never fails.
portal_pg_stop() {
    local dir="${1:-${PORTAL_PG_DIR:-}}" pid
    [ -n "$dir" ] && [ -d "$dir" ] || return 0
    if [ -f "$dir/data/postmaster.pid" ]; then
        if ! _portal_pg_as_postgres "$PORTAL_PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
            if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; sleep 1; fi
        fi
    fi
    rm -rf "$dir"
    if [ "${PORTAL_PG_DIR:-}" = "$dir" ]; then unset PORTAL_PG_DIR PORTAL_PG_PORT; fi
    return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
        start)
            portal_pg_start
            echo "export PORTAL_TEST_POSTGRES='$PORTAL_TEST_POSTGRES'"
            echo "export PORTAL_PG_DIR='$PORTAL_PG_DIR'"
            echo "# stop with: $0 stop $PORTAL_PG_DIR"
            ;;
        stop)
            [ -n "${2:-}" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
            portal_pg_stop "$2"
            ;;
        *)
            echo "usage: $0 start | stop DIR" >&2
            exit 2
            ;;
    esac
fi
