#!/usr/bin/env bash
# Start a throw-away in-process Neo4j 5 server (no Docker). See README.md.
#   ./run.sh [--port N] [--http-port N] [--plugins DIR] [--pagecache SIZE] [--tx-memory SIZE]
#   ./run.sh --build-only     build if needed, then exit
# Prints exactly one stdout line "Neo4j ready at bolt://127.0.0.1:<port>" when Bolt accepts
# connections; all other output goes to stderr. SIGTERM / Ctrl-C stop it (exit 0).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

JAR="target/neo4j-local.jar"
CP_FILE="target/classpath.txt"

needs_build() {
  [[ -f "$JAR" && -f "$CP_FILE" ]] || return 0
  # Sources or pom newer than the built jar?
  [[ -z "$(find pom.xml src -newer "$JAR" -print -quit 2>/dev/null)" ]] || return 0
  # Every dependency jar still present in the local Maven repository (~/.m2 may have been pruned)?
  local entry
  IFS=':' read -r -a entries < "$CP_FILE"
  for entry in "${entries[@]}"; do
    [[ -f "$entry" ]] || return 0
  done
  return 1
}

if [[ "${1:-}" == "--build-only" ]]; then
  shift
  if needs_build; then
    exec "$HERE/build.sh"
  fi
  echo "[neo4j-local] build is up to date" >&2
  exit 0
fi

if needs_build; then
  "$HERE/build.sh" >&2
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
HEAP="${NEO4J_LOCAL_HEAP:-1g}"

JVM_OPTS=(
  -Xms256m "-Xmx${HEAP}"
  -XX:+UseG1GC
  -XX:-OmitStackTraceInFastThrow
  -XX:+ExitOnOutOfMemoryError
  -XX:+DisableExplicitGC
  -Djdk.nio.maxCachedBufferSize=1024
  -Dio.netty.tryReflectionSetAccessible=true
  -Dlog4j2.disable.jmx=true
  -Dfile.encoding=UTF-8
  # Module opens from Neo4j 5.26's own neo4j.conf / build (server.jvm.additional):
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED
  # Extra opens commonly needed by embedded/harness use (netty, reflection helpers):
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/sun.net.dns=ALL-UNNAMED
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
  --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED
)
# Extra JVM flags, whitespace separated (e.g. NEO4J_LOCAL_JAVA_OPTS="-XX:MaxDirectMemorySize=256m").
if [[ -n "${NEO4J_LOCAL_JAVA_OPTS:-}" ]]; then
  read -r -a extra <<< "$NEO4J_LOCAL_JAVA_OPTS"
  JVM_OPTS+=("${extra[@]}")
fi

# exec: the JVM replaces this shell, so SIGTERM/SIGINT reach it directly.
exec "$JAVA" "${JVM_OPTS[@]}" -cp "$HERE/$JAR:$(cat "$CP_FILE")" kg.neo4jlocal.Neo4jLocal "$@"
