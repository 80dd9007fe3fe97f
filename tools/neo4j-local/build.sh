#!/usr/bin/env bash
# Build tools/neo4j-local: compiles the launcher and writes target/classpath.txt (the dependency jars
# stay in ~/.m2; nothing is shaded or copied). Safe to run in CI before ./run.sh.
# Extra Maven flags can be passed as arguments (e.g. ./build.sh -o for offline). All output -> stderr.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
MVN="${MVN:-mvn}"
start=$(date +%s)
echo "[neo4j-local] building (mvn package; the first run downloads ~150 MB into ~/.m2)..." >&2
status=0
# Maven 3.8 prints stray ANSI resets even in batch/quiet mode: strip them and blank lines.
"$MVN" -B -q --no-transfer-progress package "$@" 2>&1 \
  | sed -u -e 's/\x1b\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2 || status=$?
if [[ $status -ne 0 || ! -f target/classpath.txt || ! -f target/neo4j-local.jar ]]; then
  echo "[neo4j-local] build FAILED" >&2
  exit 1
fi
touch target/neo4j-local.jar
echo "[neo4j-local] build done in $(( $(date +%s) - start ))s" >&2
