#!/usr/bin/env bash
# More kills than the suite's: the site as a child process SIGKILLed KILLS times in bursts of email
# and document work, seeded.  Usage: tools/faults.sh [SEED] [KILLS]
# PORTAL_TEST_PROVIDER=Postgres (with PORTAL_TEST_POSTGRES) runs it on PostgreSQL.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export FAULT_SEED="${1:-$RANDOM}" FAULT_KILLS="${2:-15}"
export MAILDEV_BIN="${MAILDEV_BIN:-$ROOT/.tools/maildev/node_modules/.bin/maildev}"
dotnet build Portal.Tests -c Release --disable-build-servers -v q
echo "faults: seed $FAULT_SEED, $FAULT_KILLS kills"
dotnet test Portal.Tests --no-build -c Release --filter "FullyQualifiedName~Jobs.CrashRecoveryTests" --logger "console;verbosity=detailed"
