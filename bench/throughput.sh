#!/usr/bin/env bash
# Throughput benchmark: one run of N prompts (default 1,000) against a fake OpenAI endpoint with a fixed delay
# (default 100 ms) for the candidate, the baseline and the judge, at run concurrency C (default 50).
# Reports wall time against the ideal (calls x delay / concurrency), the server's CPU per call and peak RSS (VmHWM),
# the stub's CPU, and the size of the H2 file. Its temporary folder is removed on exit (BENCH_KEEP=1 keeps it).
# The stub is bench/stub/openai-stub.mjs (Node); BENCH_STUB=wiremock runs WireMock instead, as before 2026-12-02
# (it needs a few ms of CPU per call, on the cores the server runs on).
# Usage: bench/throughput.sh [prompts] [delay_ms] [concurrency]    (after ./mvnw package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
DELAY=${2:-100}
C=${3:-50}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
STUB=${BENCH_STUB:-node}
WIREMOCK_JAR=~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar
case $STUB in
  node) command -v node >/dev/null || { echo "the stub needs node on the PATH (or BENCH_STUB=wiremock)" >&2; exit 1; } ;;
  wiremock) [ -f "$WIREMOCK_JAR" ] || { echo "no WireMock in the Maven repository (a test dependency): ./mvnw -B package -DskipTests fetches it" >&2; exit 1; } ;;
  *) echo "BENCH_STUB is node or wiremock, not '$STUB'" >&2; exit 3 ;;
esac
# BENCH_APP=<quarkus-app dir> runs another build (e.g. an older one, for before/after).
APP_JAR=${BENCH_APP:-target/quarkus-app}/quarkus-run.jar
[ -f "$APP_JAR" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/claimbench-bench.XXXXXX")
APP_PID= WM_PID=
# Stops what this script started (by PID) and removes its folder; BENCH_KEEP=1 keeps the folder (logs, database).
cleanup() {
  for pid in $APP_PID $WM_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $APP_PID $WM_PID; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }  # the first (top-level) one, no Python per poll
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WM_PORT=$(free_port)
APP_PORT=$(free_port)

# The eval set: N distinct prompts.
mkdir -p "$WORK/eval-sets" "$WORK/wiremock/mappings"
python3 - "$WORK/eval-sets/bench.yaml" "$N" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write('id: bench\ntitle: "Throughput benchmark"\nclaim:\n  quote: "fast"\n  source: "bench"\n')
    f.write('hypothesis:\n  metric: win-rate\n  comparator: ">"\n  threshold: 0.5\n')
    f.write('scorer: pairwise-judge\njudge-template: everyday\ncategories: [bench]\nprompts:\n')
    for i in range(1, n + 1):
        f.write(f'  - id: bench-{i:05d}\n    category: bench\n    text: "Benchmark prompt number {i}: give one tip for a tidy desk."\n')
PY
# Each answer unique, so that no judgment is served from the cache; the judge's verdict after a line of prose.
python3 - "$WORK" "$DELAY" <<'PY'
import json, sys, os
work, delay = sys.argv[1], int(sys.argv[2])
answers = [("cand", "CANDIDATE answer {unique}"), ("base", "BASELINE answer {unique}"),
           ("judge", 'Fine.\n{"rationale": "stub", "verdict": "A>B"}')]
json.dump([{"path": f"^/{m}/v1/chat/completions$", "content": c} for m, c in answers], open(os.path.join(work, "routes.json"), "w"))
def completion(content):
    return json.dumps({"id": "x", "object": "chat.completion", "created": 1, "model": "stub",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150}})
# WireMock: only the answers that vary are templates (rendering one costs the stub CPU on every call).
for model, content in answers:
    varies = "{unique}" in content
    content = content.replace("{unique}", "{{randomValue length=12 type='ALPHANUMERIC'}}")
    m = {"request": {"method": "POST", "urlPath": f"/{model}/v1/chat/completions"},
         "response": {"status": 200, "fixedDelayMilliseconds": delay,
                      "headers": {"Content-Type": "application/json"}, "body": completion(content)}}
    if varies:
        m["response"]["transformers"] = ["response-template"]
    json.dump(m, open(os.path.join(work, "wiremock", "mappings", model + ".json"), "w"))
PY

if [ "$STUB" = node ]; then
  node bench/stub/openai-stub.mjs "$WORK/routes.json" "$WM_PORT" "$DELAY" > "$WORK/stub.log" 2>&1 &
  STUB_READY=/__health
else
  "$JAVA" -Xmx1g -jar "$WIREMOCK_JAR" --port "$WM_PORT" --root-dir "$WORK/wiremock" --container-threads 400 \
    --jetty-accept-queue-size 1000 --no-request-journal --disable-banner > "$WORK/stub.log" 2>&1 &
  STUB_READY=/__admin/mappings
fi
WM_PID=$!

# The data folder (embedded H2 with the product's own settings, and the admin key of the first start) in WORK.
PROPS=(-Dquarkus.http.port="$APP_PORT" -Dclaimbench.data-dir="$WORK/data"
  -Dclaimbench.catalog.eval-sets-dir="$WORK/eval-sets" -Dclaimbench.catalog.prompts-dir="$PWD/prompts"
  -Dquarkus.log.level=WARN)
for m in cand base judge; do
  PROPS+=(-Dclaimbench.models.$m.provider=openai -Dclaimbench.models.$m.base-url="http://127.0.0.1:$WM_PORT/$m/v1"
    -Dclaimbench.models.$m.model=$m-model -Dclaimbench.models.$m.api-key=sk-bench -Dclaimbench.models.$m.max-concurrency="$C")
done
# BENCH_JFR=<file.jfr> records a flight recording of the server for profiling.
[ -z "${BENCH_JFR:-}" ] || PROPS+=(-XX:StartFlightRecording=filename="$BENCH_JFR",settings=profile)
# BENCH_JAVA_OPTS: more options for the server's JVM (the launcher already uses the AOT cache bench/aot-cache.sh writes).
# shellcheck disable=SC2206 # a list of options
[ -z "${BENCH_JAVA_OPTS:-}" ] || PROPS=(${BENCH_JAVA_OPTS} "${PROPS[@]}")
# Started as the product starts it: by its launcher (its JVM options, and the AOT cache that bench/aot-cache.sh writes
# beside the jar), with these options after its own.
JAVA_HOME=$JAVA_HOME CLAIMBENCH_JAVA_OPTS="${PROPS[*]}" "$(dirname "$APP_JAR")/claimbench" > "$WORK/server.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null 2>&1 && curl -sf "http://127.0.0.1:$WM_PORT$STUB_READY" >/dev/null 2>&1 && break
  sleep 0.2
done
[ -f "$WORK/data/admin.key" ] || { echo "the server did not start; its log:" >&2; tail -n 20 "$WORK/server.log" >&2; exit 4; }
KEY=$(cat "$WORK/data/admin.key")
RSS_BEFORE=$(awk '/VmRSS/ {print $2}' /proc/$APP_PID/status)
CPU_BEFORE=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14+$15)/t}' /proc/$APP_PID/stat)
STUB_CPU_BEFORE=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14+$15)/t}' /proc/$WM_PID/stat)

start_run() {
  curl -sf -X POST "http://127.0.0.1:$APP_PORT/api/runs" -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
    -d "{\"evalSet\":\"bench\",\"candidate\":\"cand\",\"baseline\":\"base\",\"judge\":\"judge\",\"concurrency\":$C,\"seed\":$1}" \
    | json_field id
}
# Cheap polling: the run with its progress (two counts), twice a second, read without starting Python; the wall time
# comes from the run's own finishedAt, so the interval does not lengthen it.
await_run() {
  while kill -0 "$APP_PID" 2>/dev/null; do
    STATE=$(curl -sf -H "X-API-Key: $KEY" "http://127.0.0.1:$APP_PORT/api/runs/$1" > "$WORK/run.json" && json_field state < "$WORK/run.json") || STATE=
    [ -z "$STATE" ] || [ "$STATE" = RUNNING ] || [ "$STATE" = QUEUED ] || break
    sleep 0.5
  done
  FINISHED=$(json_field finishedAt < "$WORK/run.json")
  [ -n "$FINISHED" ] || { echo "the run did not finish (state '$STATE'); the server's log:" >&2; tail -n 20 "$WORK/server.log" >&2; exit 4; }
}
# BENCH_WARMUP=K runs the same job K times first (1 for once), so that the measured run sees a warmed-up JIT.
WARMUPS=${BENCH_WARMUP:-0}
case $WARMUPS in ''|*[!0-9]*) echo "BENCH_WARMUP is a number of runs, not '$WARMUPS'" >&2; exit 3 ;; esac
if [ "$WARMUPS" -gt 0 ]; then
  for k in $(seq 1 "$WARMUPS"); do await_run "$(start_run "$((100 + k))")"; done
  CPU_BEFORE=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14+$15)/t}' /proc/$APP_PID/stat)
  STUB_CPU_BEFORE=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14+$15)/t}' /proc/$WM_PID/stat)
fi
START=$(date +%s.%N)
ID=$(start_run 2)
await_run "$ID"
END=$(date -d "$FINISHED" +%s.%N)
PEAK=$(awk '/VmHWM/ {print $2}' /proc/$APP_PID/status)
TICKS=$(getconf CLK_TCK)
CPU_APP=$(awk -v t="$TICKS" '{printf "%.1f", ($14+$15)/t}' /proc/$APP_PID/stat)
CPU_WM=$(awk -v t="$TICKS" '{printf "%.1f", ($14+$15)/t}' /proc/$WM_PID/stat)
curl -sf -H "X-API-Key: $KEY" "http://127.0.0.1:$APP_PORT/api/runs/$ID/results" > "$WORK/results.json"
# The stub's journal (Node stub only): when the calls of the measured run came, to split the wall time.
echo '{"requests": []}' > "$WORK/journal.json"
[ "$STUB" != node ] || curl -sf "http://127.0.0.1:$WM_PORT/__journal" > "$WORK/journal.json" || true
DB_BYTES=$(cat "$WORK"/data/*.mv.db 2>/dev/null | wc -c || true)
# The file again once the idle server has shortened it: freed chunks are kept for H2's retention time (45 s) before
# their space can be reused or cut, so at least 50 s, then until its size has not changed for 5 s (at most 120 s).
db_size() { cat "$WORK"/data/*.mv.db 2>/dev/null | wc -c || true; }
# BENCH_SKIP_DB_WAIT=1 does not wait (bench/aot-cache.sh's training run, which needs no figures).
DB_IDLE=$(db_size) SAME=0 WAITED=0
[ -z "${BENCH_SKIP_DB_WAIT:-}" ] || SAME=5
while { [ "$SAME" -lt 5 ] || [ "$WAITED" -lt 50 ]; } && [ "$WAITED" -lt 120 ] && [ -z "${BENCH_SKIP_DB_WAIT:-}" ]; do
  sleep 1; WAITED=$((WAITED + 1)); NOW=$(db_size)
  if [ "$NOW" = "$DB_IDLE" ]; then SAME=$((SAME + 1)); else SAME=0 DB_IDLE=$NOW; fi
done
# The file again once the server has stopped (H2 compacts it on close, for a bounded time).
kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true
DB_STOPPED=$(cat "$WORK"/data/*.mv.db 2>/dev/null | wc -c || true)
APP_PID=
python3 - "$WORK/results.json" "$START" "$END" "$N" "$DELAY" "$C" "$PEAK" "$RSS_BEFORE" "$STATE" "$CPU_APP" "$CPU_WM" "$CPU_BEFORE" "$DB_BYTES" "$DB_STOPPED" "$DB_IDLE" "$WAITED" "$STUB" "$STUB_CPU_BEFORE" "$WORK/journal.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
start, end, n, delay, c, peak, before, state = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8]), sys.argv[9]
counts = r["overall"]["counts"]
calls = 2 * n + r["judging"]["games"]
ideal = calls * delay / 1000 / c
wall = end - start
print(f"state {state}; comparisons {sum(counts.values())} ({counts})")
print(f"calls {calls} (2 x {n} answers + {r['judging']['games']} judge games), delay {delay} ms, concurrency {c}")
print(f"wall {wall:.2f} s, ideal {ideal:.2f} s, wall/ideal {wall/ideal:.2f}")
print(f"server RSS before run {before/1024:.0f} MiB, peak RSS (VmHWM) {peak/1024:.0f} MiB")
cpu_run = float(sys.argv[10]) - float(sys.argv[12])
cpu_stub = float(sys.argv[11]) - float(sys.argv[18])
print(f"CPU seconds during the run (2 cores, shared with the stub): server {cpu_run:.1f} ({1000 * cpu_run / calls:.2f} ms per call), "
      f"stub ({sys.argv[17]}) {cpu_stub:.1f} ({1000 * cpu_stub / calls:.2f} ms per call)")
calls_seen = [c for c in json.load(open(sys.argv[19]))["requests"] if c["received"] / 1000 >= start]
if calls_seen:
    first = min(c["received"] for c in calls_seen) / 1000
    last = max(c["done"] for c in calls_seen) / 1000
    busy = sum(c["done"] - c["received"] for c in calls_seen) / 1000
    print(f"stub journal: {len(calls_seen)} calls, the first received {first - start:.2f} s after the POST, the last answered "
          f"{end - last:.2f} s before finishedAt; {busy / (last - first):.1f} calls in flight on average over the "
          f"{last - first:.2f} s between, mean time at the stub {1000 * busy / len(calls_seen):.0f} ms")
print(f"H2 file after the run: {int(sys.argv[13]) / 1024 / 1024:.1f} MiB (the server still running), "
      f"{int(sys.argv[15]) / 1024 / 1024:.1f} MiB once the idle server had shortened it ({sys.argv[16]} s later), "
      f"{int(sys.argv[14]) / 1024 / 1024:.1f} MiB once it has stopped")
PY
