#!/usr/bin/env bash
# Start an in-process Neo4j 5 server (no Docker): throw-away by default, durable with --data DIR.
# See README.md.
#   ./run.sh [--port N] [--data DIR] [--http-port N] [--plugins DIR] [--pagecache SIZE] [--tx-memory SIZE] [--exit-with-parent]
#   ./run.sh --build-only     build if needed, then exit
# Prints exactly one stdout line "Neo4j ready at bolt://127.0.0.1:<port>" when Bolt accepts
# connections; all other output goes to stderr. SIGTERM / Ctrl-C stop it (exit 0) and delete its
# temp folder; a --data folder is never deleted.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

JAR="target/neo4j-local.jar"
CP_FILE="target/classpath.txt"

if [[ "${1:-}" == "--build-only" ]]; then
  exec "$HERE/build.sh" --if-needed
fi
"$HERE/build.sh" --if-needed

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

CLASSPATH_VALUE="$HERE/$JAR:$(cat "$CP_FILE")"

# Plugin jars (e.g. APOC) must also be on the JVM classpath, as Neo4j's own launcher does
# (-cp plugins/*:lib/*): APOC registers kernel extensions that are found via ServiceLoader.
PLUGINS_DIR="${NEO4J_LOCAL_PLUGINS_DIR:-}"
prev=""
for arg in "$@"; do
  case "$arg" in
    --plugins=*) PLUGINS_DIR="${arg#--plugins=}" ;;
  esac
  [[ "$prev" == "--plugins" ]] && PLUGINS_DIR="$arg"
  prev="$arg"
done
if [[ -n "$PLUGINS_DIR" && -d "$PLUGINS_DIR" ]]; then
  CLASSPATH_VALUE="$(cd "$PLUGINS_DIR" && pwd)/*:$CLASSPATH_VALUE"
fi

# exec: the JVM replaces this shell, so SIGTERM/SIGINT reach it directly.
exec "$JAVA" "${JVM_OPTS[@]}" -cp "$CLASSPATH_VALUE" kg.neo4jlocal.Neo4jLocal "$@"
