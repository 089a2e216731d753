#!/usr/bin/env bash
# Writes the JDK's ahead-of-time cache for the packaged server (JDK 25 or later: the classes it loads, already parsed
# and linked, and the method profiles of a training run) to target/quarkus-app/app.aot, from a training run of the
# throughput workload (bench/throughput.sh, N prompts). The launcher (target/quarkus-app/claimbench) then starts with it,
# and bench/throughput.sh (which starts the server by the launcher) with it; delete app.aot to measure without. The cache
# belongs to this build and this JDK: rebuild it after `./mvnw package`; a stale one is ignored by the JVM (with a warning).
# Usage: bench/aot-cache.sh [prompts=1000]    (after ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT="$PWD/target/quarkus-app/app.aot"
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
rm -f "$OUT" "$OUT.java"
echo "training run ($N prompts); the cache is written when the server stops"
# Both JIT tiers in the training run (the launcher runs the first only), so that the cache records the method profiles.
JAVA_HOME=$JAVA_HOME BENCH_JAVA_OPTS="-XX:AOTCacheOutput=$OUT -XX:TieredStopAtLevel=4" bench/throughput.sh "$N" 100 50
[ -f "$OUT" ] || { echo "no AOT cache was written (JDK 25 or later is needed: $JAVA_HOME)" >&2; exit 1; }
# The launcher uses the cache only with the JVM that wrote it.
readlink -f "$JAVA_HOME/bin/java" > "$OUT.java"
echo "wrote $(du -h "$OUT" | cut -f1) $OUT for $(cat "$OUT.java")"
