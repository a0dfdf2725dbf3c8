#!/usr/bin/env bash
# Longer fuzzing run than the suite's: every role crawls the site (a child process on its own
# database) and posts COUNT mutated forms, seeded.  Usage: tools/fuzz.sh [SEED] [COUNT-PER-ROLE]
# PORTAL_TEST_PROVIDER=Postgres (with PORTAL_TEST_POSTGRES) runs it on PostgreSQL.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export FUZZ_SEED="${1:-$RANDOM}" FUZZ_COUNT="${2:-2000}"
export MAILDEV_BIN="${MAILDEV_BIN:-$ROOT/.tools/maildev/node_modules/.bin/maildev}"
dotnet build Portal.Tests -c Release --disable-build-servers -v q
echo "fuzz: seed $FUZZ_SEED, $FUZZ_COUNT posts per role"
dotnet test Portal.Tests --no-build -c Release --filter "FullyQualifiedName~Web.FuzzTests" --logger "console;verbosity=detailed"
