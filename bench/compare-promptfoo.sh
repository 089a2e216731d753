#!/usr/bin/env bash
# ClaimBench and promptfoo side by side, on one fake OpenAI-compatible endpoint with a fixed delay
# (bench/stub/openai-stub.mjs, Node's HTTP server: a few tenths of a ms of CPU per call), on the
# same prompts at the same concurrency, in alternation (every round runs each tool once per workload):
#   plain:  2 models x PLAIN_PROMPTS prompts (default 1,000: 2,000 calls), a programmatic check, no judge;
#   judged: 2 models x JUDGED_PROMPTS prompts (default 500), each answer judged: ClaimBench's pairwise judge in both
#           orders, promptfoo's llm-rubric on each output (2,000 calls each).
# ClaimBench runs twice per round: a fresh server (cold JVM) over REST, and the CLI's `compare` in-process on the
# embedded H2. Prints calls (the stub's journal), wall, ideal, efficiency, CPU per call and peak RSS, medians over
# rounds. Installs npm promptfoo (pinned) under target/bench-tools on first use.
# Usage: bench/compare-promptfoo.sh [rounds=2] [delay_ms=100] [concurrency=50]   (after ./mvnw -B package -DskipTests)
# Environment: PLAIN_PROMPTS, JUDGED_PROMPTS, WORKLOADS ("plain judged"), TOOLS ("cbs cbc pf"); BENCH_KEEP=1 keeps
# the temporary folder (logs, results, measurements) instead of removing it on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
DELAY=${2:-100}
C=${3:-50}
PLAIN_PROMPTS=${PLAIN_PROMPTS:-1000}
JUDGED_PROMPTS=${JUDGED_PROMPTS:-500}
WORKLOADS=${WORKLOADS:-plain judged}
TOOLS=${TOOLS:-cbs cbc pf}
PROMPTFOO_VERSION=0.121.20
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
# BENCH_JAVA_OPTS: more options for ClaimBench's JVMs, server and CLI, after the launcher's own (which uses the AOT
# cache bench/aot-cache.sh writes beside the jar).
# shellcheck disable=SC2206 # a list of options
CB_OPTS=(${BENCH_JAVA_OPTS:-})
# BENCH_APP=<quarkus-app dir> runs another build (before/after; a copy needs its own cache: BENCH_APP=<dir> bench/aot-cache.sh).
APP_DIR=$(cd "${BENCH_APP:-target/quarkus-app}" 2>/dev/null && pwd) || { echo "no such folder: ${BENCH_APP:-target/quarkus-app}" >&2; exit 1; }
APP_JAR=$APP_DIR/quarkus-run.jar
LAUNCHER=$APP_DIR/claimbench
HELPER=$PWD/bench/compare/bench.py
[ -f "$APP_JAR" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
for tool in curl python3 node npm; do
  command -v "$tool" >/dev/null || { echo "this benchmark needs $tool on the PATH" >&2; exit 1; }
done
for n in "$ROUNDS" "$DELAY" "$C" "$PLAIN_PROMPTS" "$JUDGED_PROMPTS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "rounds, delay, concurrency and prompt counts must be positive integers, not '$n'" >&2; exit 3; }
done

# promptfoo, pinned, into the build folder (skipped when already there); offline: no telemetry, update check or sharing.
TOOLS_DIR=$PWD/target/bench-tools/promptfoo-$PROMPTFOO_VERSION
PROMPTFOO=$TOOLS_DIR/node_modules/.bin/promptfoo
if [ ! -x "$PROMPTFOO" ]; then
  echo "installing promptfoo@$PROMPTFOO_VERSION into ${TOOLS_DIR#"$PWD"/}"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-save --no-audit --no-fund --loglevel=error "promptfoo@$PROMPTFOO_VERSION" >&2
fi
export PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1 PROMPTFOO_DISABLE_SHARING=1 OPENAI_API_KEY=sk-bench

WORK=$(mktemp -d "${TMPDIR:-/tmp}/claimbench-compare.XXXXXX")
APP_PID= WM_PID= MEASURE_PID=
# Stops what this script started, by PID (the measuring helper stops its own command), and removes its folder.
cleanup() {
  for pid in $MEASURE_PID $APP_PID $WM_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $MEASURE_PID $APP_PID $WM_PID; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
TICKS=$(getconf CLK_TCK)
cpu_of() { awk -v t="$TICKS" '{printf "%.2f", ($14+$15)/t}' "/proc/$1/stat"; }
json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }  # the first (top-level) one, no Python per poll

WM_PORT=$(free_port)
python3 "$HELPER" files "$WORK" "$PLAIN_PROMPTS" "$JUDGED_PROMPTS" "$WM_PORT"
# The journal counts the calls; it is emptied after every measured run.
node "$PWD/bench/stub/openai-stub.mjs" "$WORK/routes.json" "$WM_PORT" "$DELAY" > "$WORK/stub.log" 2>&1 &
WM_PID=$!
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$WM_PORT/__health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$WM_PORT/__health" >/dev/null || { echo "the stub did not start:" >&2; tail -n 20 "$WORK/stub.log" >&2; exit 4; }
# Runs a command in the background under the measuring helper, so that a signal reaches the exit trap at once.
measured() { python3 "$HELPER" measure "$@" & MEASURE_PID=$!; wait "$MEASURE_PID"; MEASURE_PID=; }

# ClaimBench's models: cand, base and judge on the tool's own path prefix, each allowed the run's concurrency.
models_props() {
  for m in cand base judge; do
    printf '%s\n' -Dclaimbench.models.$m.provider=openai -Dclaimbench.models.$m.base-url="http://127.0.0.1:$WM_PORT/$1/$m/v1" \
      -Dclaimbench.models.$m.model=$m-model -Dclaimbench.models.$m.api-key=sk-bench -Dclaimbench.models.$m.max-concurrency="$C"
  done
}
catalog_props() { printf '%s\n' -Dclaimbench.catalog.eval-sets-dir="$WORK/eval-sets" -Dclaimbench.catalog.prompts-dir="$PWD/prompts"; }

# Writes $OUT/measure.json (wall, cpu, rss_kib, exit) for one workload on a fresh, cold server.
run_server() { # workload seed out
  local wl=$1 seed=$2 out=$3 port judge="" key start id state finished
  port=$(free_port)
  [ "$wl" = judged ] && judge=',"judge":"judge"'
  mapfile -t props < <(models_props cbs; catalog_props)
  # Started as the product starts it: by its launcher (its JVM options, and an AOT cache beside the jar).
  JAVA_HOME=$JAVA_HOME CLAIMBENCH_JAVA_OPTS="${CB_OPTS[*]} ${props[*]} -Dquarkus.http.port=$port -Dclaimbench.data-dir=$out/data -Dquarkus.log.level=WARN" \
    "$LAUNCHER" > "$out/server.log" 2>&1 &
  APP_PID=$!
  local boot0 boot; boot0=$(date +%s.%N)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  boot=$(awk -v a="$(date +%s.%N)" -v b="$boot0" 'BEGIN { printf "%.2f", a - b }')
  [ -f "$out/data/admin.key" ] || { echo "the server did not start; its log:" >&2; tail -n 20 "$out/server.log" >&2; exit 4; }
  key=$(cat "$out/data/admin.key")
  local cpu0; cpu0=$(cpu_of "$APP_PID")
  start=$(date +%s.%N)
  id=$(curl -sf -X POST "http://127.0.0.1:$port/api/runs" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
    -d "{\"evalSet\":\"bench-$wl\",\"candidate\":\"cand\",\"baseline\":\"base\"$judge,\"concurrency\":$C,\"seed\":$seed}" | json_field id)
  # Cheap polling: the run with its progress (two counts), twice a second; the wall comes from the run's finishedAt.
  while kill -0 "$APP_PID" 2>/dev/null; do
    state=$(curl -sf -H "X-API-Key: $key" "http://127.0.0.1:$port/api/runs/$id" > "$out/run.json" && json_field state < "$out/run.json") || state=
    [ -z "$state" ] || [ "$state" = RUNNING ] || [ "$state" = QUEUED ] || break
    sleep 0.5
  done
  finished=$(json_field finishedAt < "$out/run.json")
  [ -n "$finished" ] || { echo "the run did not finish (state '$state'); the server's log:" >&2; tail -n 20 "$out/server.log" >&2; exit 4; }
  finished=$(date -d "$finished" +%s.%N)
  local cpu1 peak; cpu1=$(cpu_of "$APP_PID"); peak=$(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status")
  curl -sf -H "X-API-Key: $key" "http://127.0.0.1:$port/api/runs/$id/results" > "$out/results.json" || true
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
  local code=0; [ "$state" = COMPLETED ] || code=4
  awk -v f="$finished" -v s="$start" -v c0="$cpu0" -v c1="$cpu1" -v p="$peak" -v e="$code" -v st="$state" -v b="$boot" \
    'BEGIN { printf "{\"start\": %.3f, \"wall\": %.3f, \"cpu\": %.2f, \"rss_kib\": %d, \"exit\": %d, \"state\": \"%s\", \"boot\": %.2f, \"boot_cpu\": %.2f}\n", s, f - s, c1 - c0, p, e, st, b, c0 }' > "$out/measure.json"
}

run_cli() { # workload seed out
  local wl=$1 seed=$2 out=$3 judge=()
  [ "$wl" = judged ] && judge=(--judge judge)
  mapfile -t props < <(models_props cbc; catalog_props)
  measured "$out/measure.json" "$out/cli.log" -- env JAVA_HOME="$JAVA_HOME" CLAIMBENCH_JAVA_OPTS="${CB_OPTS[*]} ${props[*]}" "$LAUNCHER" compare \
    --eval-set "bench-$wl" --candidate cand --baseline base "${judge[@]}" --concurrency "$C" --seed "$seed" \
    --data-dir "$out/data" --output "$out/results.json"
}

run_promptfoo() { # workload seed out
  local wl=$1 out=$3
  PROMPTFOO_CONFIG_DIR="$out/promptfoo-home" PROMPTFOO_CACHE_PATH="$out/promptfoo-cache" \
    measured "$out/measure.json" "$out/promptfoo.log" -- "$PROMPTFOO" eval -c "$WORK/promptfoo/$wl.yaml" \
    --max-concurrency "$C" --no-share --no-table --no-progress-bar -o "$out/results.json"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $ROUNDS rounds, delay $DELAY ms, concurrency $C"
MEASUREMENTS=$WORK/measurements.jsonl
seed=100
for round in $(seq 1 "$ROUNDS"); do
  for wl in $WORKLOADS; do
    for tool in $TOOLS; do
      seed=$((seed + 1))
      out=$WORK/$tool-$wl-$round
      mkdir -p "$out"
      echo "round $round: $wl, $tool" >&2
      case $tool in
        cbs) run_server "$wl" "$seed" "$out" ;;
        cbc) run_cli "$wl" "$seed" "$out" ;;
        pf) run_promptfoo "$wl" "$seed" "$out" ;;
        *) echo "unknown tool '$tool' (cbs, cbc, pf)" >&2; exit 3 ;;
      esac
      calls=$(python3 "$HELPER" journal "$WM_PORT" "$tool")
      scored=$(python3 "$HELPER" scored "$tool" "$out/results.json")
      python3 - "$out/measure.json" "$calls" "$scored" "$tool" "$wl" "$round" >> "$MEASUREMENTS" <<'PY'
import json, sys
m, calls, scored = json.load(open(sys.argv[1])), json.loads(sys.argv[2]), json.loads(sys.argv[3])
m.update(calls, **scored, calls=calls["gen"] + calls["judge"], tool=sys.argv[4], workload=sys.argv[5], round=int(sys.argv[6]))
print(json.dumps(m))
PY
      if ! python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["exit"] in (0, 1, 2) else 1)' "$out/measure.json"; then
        echo "$tool $wl round $round failed; the last lines of its log:" >&2
        tail -n 5 "$out"/*.log >&2 || true
      fi
      rm -rf "$out/data" "$out/promptfoo-home" "$out/promptfoo-cache"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 "$HELPER" table "$MEASUREMENTS" "$DELAY" "$C"
