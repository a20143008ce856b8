# Source this file (bash) to start a throwaway PostgreSQL server on 127.0.0.1 for the tests.
# It installs the server from the system's packages when it is missing, runs it as the
# unprivileged `postgres` user (the server refuses to run as root), picks a free port,
# exports SCREENING_TEST_POSTGRES_URL and stops the server when the shell exits.
# Where the server cannot start, it says why and the PostgreSQL tests skip.

_pg_bin() {
    { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1
}

_pg_start() {
    local bin dir port runas=()
    bin="$(_pg_bin)"
    if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "postgres: installing the server from the system's packages"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends postgresql >/dev/null) || true
        bin="$(_pg_bin)"
    fi
    if [ -z "$bin" ]; then
        echo "postgres: no server binaries found; the PostgreSQL tests will skip"
        return 0
    fi
    dir="$(mktemp -d /tmp/screening-pg.XXXXXX)"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$dir"
        runas=(runuser -u postgres --)
    fi
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    if ! "${runas[@]}" "$bin/initdb" -D "$dir/data" -U screening --auth=trust \
            --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
        echo "postgres: initdb failed (see $dir/initdb.log); the PostgreSQL tests will skip"
        return 0
    fi
    if ! "${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null; then
        echo "postgres: the server did not start (see $dir/server.log); tests will skip"
        return 0
    fi
    SCREENING_PG_STOP=("${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop)
    SCREENING_PG_DIR="$dir"
    trap '"${SCREENING_PG_STOP[@]}" >/dev/null 2>&1 || true; rm -rf "$SCREENING_PG_DIR"' EXIT
    export SCREENING_TEST_POSTGRES_URL="postgresql+psycopg://screening@127.0.0.1:$port/postgres"
    echo "postgres: running on 127.0.0.1:$port ($bin)"
}

_pg_start
