#!/usr/bin/env bash
# Build tools/neo4j-local: compiles the launcher into target/neo4j-local.jar and writes
# target/classpath.txt (the dependency jars stay in ~/.m2; nothing is shaded or copied).
#   ./build.sh               always run `mvn package` (CI: build first, start later with ./run.sh)
#   ./build.sh --if-needed   only when the jar/classpath is missing, older than pom.xml/src,
#                            or a listed dependency jar vanished from ~/.m2 (used by run.sh)
# Further arguments go to Maven (e.g. ./build.sh -o for offline). All output goes to stderr.
# Concurrent invocations are serialised with flock on target/.build.lock.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
MVN="${MVN:-mvn}"
JAR="target/neo4j-local.jar"
CP_FILE="target/classpath.txt"

if_needed=0
if [[ "${1:-}" == "--if-needed" ]]; then
  if_needed=1
  shift
fi

needs_build() {
  [[ -f "$JAR" && -f "$CP_FILE" ]] || return 0
  [[ -z "$(find pom.xml src -newer "$JAR" -print -quit 2>/dev/null)" ]] || return 0
  local entry entries
  IFS=':' read -r -a entries < "$CP_FILE"
  for entry in "${entries[@]}"; do
    [[ -f "$entry" ]] || return 0
  done
  return 1
}

mkdir -p target
if command -v flock >/dev/null 2>&1; then
  exec 9>target/.build.lock
  flock 9
fi

if [[ $if_needed -eq 1 ]] && ! needs_build; then
  exit 0
fi

start=$(date +%s)
echo "[neo4j-local] building (mvn package; first run downloads ~200 MB into ~/.m2)..." >&2
status=0
# Maven 3.8 prints stray ANSI resets even in batch/quiet mode: strip them and blank lines.
"$MVN" -B -q --no-transfer-progress package "$@" 2>&1 \
  | sed -u -e 's/\x1b\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2 || status=$?
if [[ $status -ne 0 || ! -s target/jar/classpath.txt || ! -f target/jar/neo4j-local.jar ]]; then
  echo "[neo4j-local] build FAILED (exit $status)" >&2
  exit 1
fi
# Atomic replace (rename = new inode): instances already running, or starting right now, never see
# a half-written jar or classpath file. The jar goes last: it is the "build is complete" marker.
cp target/jar/classpath.txt "$CP_FILE.tmp.$$"
mv -f "$CP_FILE.tmp.$$" "$CP_FILE"
cp target/jar/neo4j-local.jar "$JAR.tmp.$$"
mv -f "$JAR.tmp.$$" "$JAR"
echo "[neo4j-local] build done in $(( $(date +%s) - start ))s" >&2
