#!/usr/bin/env bash
# Full test run: installs what is missing, builds Portal.sln once, runs
#   1. Portal.Tests on SQLite      (PORTAL_TEST_PROVIDER=Sqlite)
#   2. Portal.Tests on PostgreSQL  (PORTAL_TEST_PROVIDER=Postgres, private throw-away cluster)
#   3. Portal.E2E                  (Playwright driving Debian's /usr/bin/chromium)
# and ends with the line "N passed, N failed" summed from the three TRX files in TestResults/.
#
# Usage: ./test.sh [FILTER]
#   FILTER (optional) is passed as `dotnet test --filter FILTER` to all three runs, e.g.
#     ./test.sh 'FullyQualifiedName~Invitation'
#
# Non-interactive, idempotent (installed packages and .tools/maildev are reused), meant to run as
# root on Debian 12. Exit code: 0 when every run passed, non-zero otherwise.
#
# Environment exported for the tests:
#   CHROMIUM_PATH=/usr/bin/chromium
#   MAILDEV_BIN=<repo>/.tools/maildev/node_modules/.bin/maildev
#   PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=PORT;Username=postgres;Password=postgres;Database=postgres"
#   PORTAL_TEST_PROVIDER=Sqlite|Postgres   (per Portal.Tests run only)
#   E2E_ARTIFACTS=<repo>/TestResults/e2e-screenshots
#   DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

START_SECONDS=$SECONDS
FILTER="${1:-}"
if [ "$#" -gt 1 ]; then
    echo "test.sh: only one argument (the --filter expression) is used; ignoring the rest" >&2
fi

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CHROMIUM_PATH=/usr/bin/chromium
# How long one test may hang before vstest kills the test host (the run then counts as failed).
HANG_TIMEOUT="${PORTAL_TEST_HANG_TIMEOUT:-20m}"

log() { printf '\n=== %s ===\n' "$*"; }
die() { echo "test.sh: $*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && SUDO="sudo -n"
fi

# ---------------------------------------------------------------------------------------------
# 1. System packages (only what is missing; apt-get update at most once)
# ---------------------------------------------------------------------------------------------
pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

wait_for_apt_locks() {
    # Another apt/dpkg may be running (e.g. a provisioning step): wait up to 10 minutes.
    command -v fuser >/dev/null 2>&1 || return 0
    local waited=0
    while fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1; do
        if [ "$waited" -eq 0 ]; then echo "waiting for another apt/dpkg process to finish..."; fi
        sleep 5
        waited=$((waited + 5))
        if [ "$waited" -ge 600 ]; then echo "apt/dpkg still locked after 600s; trying anyway"; break; fi
    done
}

APT_OPTS=(-o DPkg::Lock::Timeout=600 -o Dpkg::Use-Pty=0 -q)
MISSING=()
command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ] || MISSING+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] && [ -x /usr/lib/postgresql/15/bin/pg_ctl ] || MISSING+=(postgresql)
command -v soffice >/dev/null 2>&1 || pkg_installed libreoffice-writer-nogui || MISSING+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || MISSING+=(poppler-utils)
# npm builds the front-end (wwwroot-src) during `dotnet build` and installs maildev.
command -v npm >/dev/null 2>&1 || MISSING+=(nodejs npm)
command -v runuser >/dev/null 2>&1 || MISSING+=(util-linux)

if [ "${#MISSING[@]}" -gt 0 ]; then
    log "Installing missing packages: ${MISSING[*]}"
    wait_for_apt_locks
    ok=0
    for attempt in 1 2 3; do
        if $SUDO apt-get "${APT_OPTS[@]}" update \
            && $SUDO apt-get "${APT_OPTS[@]}" install -y "${MISSING[@]}"; then
            ok=1; break
        fi
        echo "apt-get failed (attempt $attempt); retrying in 10s"
        sleep 10
        wait_for_apt_locks
    done
    [ "$ok" -eq 1 ] || die "could not install: ${MISSING[*]}"
else
    log "System packages already installed"
fi
[ -x "$CHROMIUM_PATH" ] || die "$CHROMIUM_PATH missing after install"
command -v soffice >/dev/null 2>&1 || die "soffice missing after install"
command -v pdftotext >/dev/null 2>&1 || die "pdftotext missing after install"
command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH"

# ---------------------------------------------------------------------------------------------
# 2. maildev (project-local, .tools/ is gitignored)
# ---------------------------------------------------------------------------------------------
MAILDEV_VERSION=3.0.0
MAILDEV_PREFIX="$ROOT/.tools/maildev"
export MAILDEV_BIN="$MAILDEV_PREFIX/node_modules/.bin/maildev"
maildev_version() {
    node -e "process.stdout.write(require('$MAILDEV_PREFIX/node_modules/maildev/package.json').version)" 2>/dev/null
}
if [ -x "$MAILDEV_BIN" ] && [ "$(maildev_version)" = "$MAILDEV_VERSION" ]; then
    log "maildev $MAILDEV_VERSION already installed"
else
    log "Installing maildev $MAILDEV_VERSION into .tools/maildev"
    mkdir -p "$MAILDEV_PREFIX"
    ok=0
    for attempt in 1 2 3; do
        if npm install --prefix "$MAILDEV_PREFIX" "maildev@$MAILDEV_VERSION" \
                --no-audit --no-fund --no-update-notifier --loglevel=error; then
            ok=1; break
        fi
        echo "npm install failed (attempt $attempt); retrying in 10s"
        sleep 10
    done
    [ "$ok" -eq 1 ] || die "could not install maildev@$MAILDEV_VERSION"
fi
"$MAILDEV_BIN" --help >/dev/null 2>&1 || die "$MAILDEV_BIN does not run"

# ---------------------------------------------------------------------------------------------
# 3. Private PostgreSQL 15 cluster, removed on exit (also on failure / Ctrl-C)
# ---------------------------------------------------------------------------------------------
# shellcheck source=tools/postgres.sh
. "$ROOT/tools/postgres.sh"
cleanup() { portal_pg_stop; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "Starting private PostgreSQL cluster"
portal_pg_start || die "could not start PostgreSQL"
echo "PostgreSQL on 127.0.0.1:$PORTAL_PG_PORT (data in $PORTAL_PG_DIR)"
export PORTAL_TEST_POSTGRES

# ---------------------------------------------------------------------------------------------
# 4. Build once, then the three test runs
# ---------------------------------------------------------------------------------------------
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS/e2e-screenshots"
export E2E_ARTIFACTS="$RESULTS/e2e-screenshots"

STEP_ERRORS=0
log "dotnet build Portal.sln -c Release --disable-build-servers"
BUILD_OK=1
# --disable-build-servers: no MSBuild/Roslyn server processes are left behind after the run.
if ! dotnet build Portal.sln -c Release --disable-build-servers; then
    BUILD_OK=0
    STEP_ERRORS=$((STEP_ERRORS + 1))
    echo "test.sh: BUILD FAILED - the test runs are skipped and each counts as failed" >&2
fi

# The benchmarks (bench/) are programs run by hand, never by this script; they use the Portal's
# code, so a change that breaks one must fail here, not on the day someone measures.
if [ "$BUILD_OK" -eq 1 ]; then
    log "dotnet build bench/Benchmarks.slnx -c Release --disable-build-servers"
    if ! dotnet build bench/Benchmarks.slnx -c Release --disable-build-servers; then
        STEP_ERRORS=$((STEP_ERRORS + 1))
        echo "test.sh: A BENCHMARK DOES NOT BUILD (bench/Benchmarks.slnx)" >&2
    fi
fi

RUN_NAMES=()
declare -A RUN_EXIT=()

# run_tests NAME PROJECT [VAR=VALUE ...]
run_tests() {
    local name="$1" project="$2" rc
    shift 2
    RUN_NAMES+=("$name")
    if [ "$BUILD_OK" -ne 1 ]; then
        RUN_EXIT[$name]=skipped
        return
    fi
    local args=(test "$project" --no-build -c Release
        --results-directory "$RESULTS"
        --logger "trx;LogFileName=$name.trx"
        --logger "console;verbosity=normal"
        --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none)
    if [ -n "$FILTER" ]; then args+=(--filter "$FILTER"); fi
    log "$name: dotnet ${args[*]} ${*:+(env: $*)}"
    env "$@" dotnet "${args[@]}"
    rc=$?
    RUN_EXIT[$name]=$rc
    if [ "$rc" -ne 0 ]; then STEP_ERRORS=$((STEP_ERRORS + 1)); fi
}

run_tests sqlite   Portal.Tests PORTAL_TEST_PROVIDER=Sqlite
run_tests postgres Portal.Tests PORTAL_TEST_PROVIDER=Postgres
run_tests e2e      Portal.E2E

# ---------------------------------------------------------------------------------------------
# 5. Summary from the TRX files
# ---------------------------------------------------------------------------------------------
# counter TRXFILE ATTR -> value of ATTR in <Counters .../> (0 when absent)
counter() {
    local v
    v=$(grep -o '<Counters [^>]*>' "$1" | head -n 1 | sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p")
    echo "${v:-0}"
}

TOTAL_PASSED=0
TOTAL_FAILED=0
log "Summary"
for name in "${RUN_NAMES[@]}"; do
    trx="$RESULTS/$name.trx"
    rc="${RUN_EXIT[$name]}"
    if [ -f "$trx" ] && grep -q '<Counters ' "$trx"; then
        total=$(counter "$trx" total)
        passed=$(counter "$trx" passed)
        failed=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
        note=""
        if [ "$rc" != 0 ] && [ "$failed" -eq 0 ]; then
            # Test host crashed / aborted after writing a TRX without failures: still a failure.
            failed=1
            note=" (dotnet test exited $rc: counted as 1 failed)"
        fi
        printf '%-9s %4d total, %4d passed, %4d failed, exit %s%s\n' "$name:" "$total" "$passed" "$failed" "$rc" "$note"
    else
        passed=0
        failed=1
        printf '%-9s no TRX produced (exit %s): counted as 1 failed\n' "$name:" "$rc"
    fi
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
done

# The first failures with their messages, so that the end of the log says what went wrong.
if [ "$TOTAL_FAILED" -ne 0 ] && command -v python3 >/dev/null 2>&1; then
    log "First failures"
    python3 - "$RESULTS" <<'PY' || true
import glob, re, sys, html
shown = 0
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    text = open(trx, encoding="utf-8", errors="replace").read()
    for m in re.finditer(r'<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="Failed".*?</UnitTestResult>', text, re.S):
        message = re.search(r"<Message>(.*?)</Message>", m.group(0), re.S)
        print(f"{trx.rsplit('/', 1)[-1]}: {html.unescape(m.group(1))}")
        print("    " + html.unescape(message.group(1) if message else "(no message)")[:1500].replace("\n", "\n    "))
        shown += 1
        if shown >= 8:
            sys.exit(0)
PY
fi

ELAPSED=$((SECONDS - START_SECONDS))
printf 'Elapsed: %dm%02ds\n' $((ELAPSED / 60)) $((ELAPSED % 60))
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"

if [ "$TOTAL_FAILED" -ne 0 ] || [ "$STEP_ERRORS" -ne 0 ]; then
    exit 1
fi
exit 0
