#!/usr/bin/env bash
# Fetch the APOC core plugin for tools/neo4j-local (Neo4j 5.26) from Maven Central into
# tools/neo4j-local/target/plugins (never committed: target/ is git-ignored). Start a server with
# it as `run.sh --plugins tools/neo4j-local/target/plugins`.
#   ./plugins.sh            copy the jars unless they are already there
#   ./plugins.sh --force    copy them again
# APOC_VERSION picks the release (default 5.26.19, the last 5.26 one); MVN sets the Maven command.
# apoc-core needs apoc-common beside it (apoc-core alone fails at startup). Prints the plugin
# folder on stdout; Maven's output goes to stderr.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MVN="${MVN:-mvn}"
VERSION="${APOC_VERSION:-5.26.19}"
OUT="$HERE/target/plugins"
ARTIFACTS=(apoc-common apoc-core)

force=0
[[ "${1:-}" == "--force" ]] && force=1

mkdir -p "$OUT"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$HERE/target/.plugins.lock"
  flock 9
fi

for artifact in "${ARTIFACTS[@]}"; do
  jar="$OUT/$artifact-$VERSION.jar"
  if [[ $force -eq 0 && -s "$jar" ]]; then continue; fi
  # Other versions of the same artifact would be loaded too: keep exactly one.
  rm -f "$OUT/$artifact"-*.jar
  echo "[neo4j-local] fetching org.neo4j.procedure:$artifact:$VERSION" >&2
  # Run outside the launcher's project so its pom is not resolved; the plugin is pinned.
  (cd "$OUT" && "$MVN" -B -q --no-transfer-progress \
    org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
    "-Dartifact=org.neo4j.procedure:$artifact:$VERSION:jar" \
    "-DoutputDirectory=$OUT" -Dmdep.overWriteReleases=true 2>&1 \
    | sed -u -e 's/\x1b\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2) || true
  if [[ ! -s "$jar" ]]; then
    echo "[neo4j-local] could not fetch $artifact $VERSION from Maven Central" >&2
    exit 1
  fi
done
echo "$OUT"
