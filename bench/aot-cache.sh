#!/usr/bin/env bash
# Writes the JDK's ahead-of-time cache for the packaged server (JDK 25 or later: the classes it loads, already parsed
# and linked) to target/quarkus-app/app.aot, from a training run of the throughput workload (bench/throughput.sh, N
# prompts, through the launcher with its own JVM options). The launcher (target/quarkus-app/claimbench) then starts
# with it: a cold server's first run calls its endpoints 0.15-0.25 s sooner (docs/performance.md). `./mvnw package`
# runs this script after Quarkus' build (pom.xml, execution aot-cache; -Dclaimbench.aot.skip skips it), so the cache
# always belongs to the jar beside it; a stale one (a jar rebuilt without it) is ignored by the JVM.
# Without what the training needs (a JDK 25 with -XX:AOTCacheOutput, node for the fake endpoint, python3, curl) it
# says so and writes nothing, and the launcher starts without a cache; a training run that fails is an error.
# Usage: bench/aot-cache.sh [prompts=150] [delay_ms=20]    (after ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-150}
DELAY=${2:-20}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# BENCH_APP=<quarkus-app dir>: the cache of another build (a copy made for before/after, which needs its own).
APP=$(cd "${BENCH_APP:-target/quarkus-app}" 2>/dev/null && pwd -P) || { echo "no such folder: ${BENCH_APP:-target/quarkus-app}" >&2; exit 1; }
OUT="$APP/app.aot"
[ -f "$APP/quarkus-run.jar" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
rm -f "$OUT" "$OUT.java" "$OUT.dir"
skip() { echo "aot-cache: $1; no AOT cache written (the launcher starts without one)"; exit 0; }
"$JAVA_HOME/bin/java" -XX:AOTCacheOutput=/dev/null -version >/dev/null 2>&1 || skip "$JAVA_HOME/bin/java has no -XX:AOTCacheOutput (JDK 25 or later)"
for tool in node python3 curl; do
  command -v "$tool" >/dev/null || skip "the training run needs $tool"
done
START=$(date +%s)
# The launcher's own JVM options, so that the cache matches how the application is started; the cache is written
# when the training server stops. Its report is kept in target/aot-training.log.
LOG="$APP/../aot-training.log"
if ! JAVA_HOME=$JAVA_HOME BENCH_APP="$APP" BENCH_SKIP_DB_WAIT=1 BENCH_JAVA_OPTS="-XX:AOTCacheOutput=$OUT" \
    bench/throughput.sh "$N" "$DELAY" 50 > "$LOG" 2>&1; then
  echo "aot-cache: the training run failed; its report:" >&2
  tail -n 20 "$LOG" >&2
  exit 1
fi
[ -f "$OUT" ] || { echo "aot-cache: the training run wrote no cache; its report:" >&2; tail -n 20 "$LOG" >&2; exit 1; }
# The launcher uses the cache only with the JVM that wrote it.
readlink -f "$JAVA_HOME/bin/java" > "$OUT.java"
# The folder it was trained in, whose jars' paths it holds: the launcher does not use it from anywhere else.
(cd "$APP" && pwd -P) > "$OUT.dir"
echo "aot-cache: wrote $(du -h "$OUT" | cut -f1) $OUT in $(( $(date +%s) - START )) s (training run: $(grep -o 'wall/ideal [0-9.]*' "$LOG"))"
