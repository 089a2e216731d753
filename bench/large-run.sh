#!/usr/bin/env bash
# Memory and latency of one large run: N pairwise items (default 100,000) against WireMock endpoints with a small
# fixed delay (candidate, baseline and a judge that always answers, 4 calls per item), or, with BENCH_RECORDED=1,
# the shipped EQ-Bench v2 replays (171 prompts x BENCH_SAMPLES samples, no network). While the run goes and after it,
# polls /results and the last page of /comparisons (by keyset cursor and by page number) and prints their latencies;
# prints the server's peak RSS (VmHWM) at the end.
# Usage: bench/large-run.sh [items=100000] [delay_ms=5] [concurrency=50]   (after ./mvnw package -DskipTests)
# BENCH_APP=<quarkus-app dir> runs another build (e.g. an older one, for before/after); BENCH_XMX=<size> caps the heap;
# BENCH_JAVA_OPTS adds JVM options; BENCH_EARLY_STOP=true asks for early stopping (the judge's verdicts are random, so the claim rarely settles).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DELAY=${2:-5}
C=${3:-50}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
WIREMOCK_JAR=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar)
APP_DIR=${BENCH_APP:-target/quarkus-app}
[ -f "$APP_DIR/quarkus-run.jar" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
APP_JAR=$(cd "$APP_DIR" && pwd)/quarkus-run.jar

mkdir -p target
WORK=$(mktemp -d "$PWD/target/large-run.XXXXXX")
cleanup() {
  rc=$?
  [ "$rc" = 0 ] || { echo "failed ($rc); the server's log ends with:" >&2; tail -15 "$WORK/server.log" >&2 2>/dev/null || true; }
  kill "${APP_PID:-}" "${WM_PID:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port)
# The embedded database with the product's own settings, in WORK/.claimbench (the data folder of the server's folder).
PROPS=(-Dquarkus.http.port="$APP_PORT"
  -Dclaimbench.catalog.prompts-dir="$PWD/prompts" -Dquarkus.log.level=WARN)
[ -z "${BENCH_XMX:-}" ] || PROPS=(-Xmx"$BENCH_XMX" "${PROPS[@]}")
# BENCH_JAVA_OPTS: more options for the server's JVM (e.g. -XX:NativeMemoryTracking=summary).
# shellcheck disable=SC2206 # a list of options
[ -z "${BENCH_JAVA_OPTS:-}" ] || PROPS=(${BENCH_JAVA_OPTS} "${PROPS[@]}")

if [ -n "${BENCH_RECORDED:-}" ]; then
  SAMPLES=${BENCH_SAMPLES:-100}
  BODY="{\"evalSet\":\"eq-bench-v2\",\"candidate\":\"gpt-4-1106-preview\",\"baseline\":\"gpt-4-0613\",\"samples\":$SAMPLES,\"concurrency\":$C,\"seed\":14001}"
  ITEMS=$((171 * SAMPLES))
else
  # An eval set file is read up to 3 M characters (about 25,000 prompts): larger runs repeat each prompt in samples.
  SAMPLES=${BENCH_SAMPLES:-$(( N > 25000 ? 10 : 1 ))}
  PROMPTS=$(( N / SAMPLES ))
  ITEMS=$(( PROMPTS * SAMPLES ))
  mkdir -p "$WORK/eval-sets" "$WORK/wiremock/mappings"
  python3 - "$WORK/eval-sets/large.yaml" "$PROMPTS" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write('id: large\ntitle: "Large-run benchmark"\nclaim:\n  quote: "bounded"\n  source: "bench"\n')
    f.write('hypothesis:\n  metric: win-rate\n  comparator: ">"\n  threshold: 0.5\n')
    f.write('scorer: pairwise-judge\njudge-template: everyday\ncategories: [large]\nprompts:\n')
    for i in range(1, n + 1):
        f.write(f'  - id: large-{i:06d}\n    category: large\n    text: "Large-run prompt number {i}: give one tip for a tidy desk."\n')
PY
  python3 - "$WORK/wiremock/mappings" "$DELAY" <<'PY'
import json, sys, os
out, delay = sys.argv[1], int(sys.argv[2])
def completion(content):
    return json.dumps({"id": "x", "object": "chat.completion", "created": 1, "model": "stub",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150}})
# Answers of a realistic size, each unique (response templating), so that no judgment comes from the cache.
filler = "A tidy desk starts with one rule: everything has a home, and it goes back there at the end of the day. " * 6
for model, content in [("cand", "CANDIDATE {{randomValue length=12 type='ALPHANUMERIC'}} " + filler),
                       ("base", "BASELINE {{randomValue length=12 type='ALPHANUMERIC'}} " + filler),
                       ("judge", 'Both are fine; the first is a little clearer.\n{"rationale": "stub", "verdict": "{{pickRandom \'A>B\' \'B>A\' \'A=B\' \'A>>B\'}}"}')]:
    m = {"request": {"method": "POST", "urlPath": f"/{model}/v1/chat/completions"},
         "response": {"status": 200, "fixedDelayMilliseconds": delay,
                      "headers": {"Content-Type": "application/json"}, "body": completion(content)}}
    json.dump(m, open(os.path.join(out, model + ".json"), "w"))
PY
  WM_PORT=$(free_port)
  "$JAVA" -Xmx1g -jar "$WIREMOCK_JAR" --port "$WM_PORT" --root-dir "$WORK/wiremock" --container-threads 400 \
    --jetty-accept-queue-size 1000 --no-request-journal --disable-banner --global-response-templating > "$WORK/wiremock.log" 2>&1 &
  WM_PID=$!
  PROPS+=(-Dclaimbench.catalog.eval-sets-dir="$WORK/eval-sets")
  for m in cand base judge; do
    PROPS+=(-Dclaimbench.models.$m.provider=openai -Dclaimbench.models.$m.base-url="http://127.0.0.1:$WM_PORT/$m/v1"
      -Dclaimbench.models.$m.model=$m-model -Dclaimbench.models.$m.api-key=sk-bench -Dclaimbench.models.$m.max-concurrency="$C")
  done
  BODY="{\"evalSet\":\"large\",\"candidate\":\"cand\",\"baseline\":\"base\",\"judge\":\"judge\",\"concurrency\":$C,\"seed\":14002,\"samples\":$SAMPLES,\"earlyStop\":${BENCH_EARLY_STOP:-false}}"
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$WM_PORT/__admin/mappings" >/dev/null 2>&1 && break; sleep 0.2; done
fi

# Started as the product starts it: by its launcher (its JVM options, and an AOT cache beside the jar), with these after its own.
(cd "$WORK" && JAVA_HOME=$JAVA_HOME CLAIMBENCH_JAVA_OPTS="${PROPS[*]}" exec "$(dirname "$APP_JAR")/claimbench") > "$WORK/server.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
KEY=$(cat "$WORK/.claimbench/admin.key" 2>/dev/null || true)
echo "server pid $APP_PID, $ITEMS items ($SAMPLES samples per prompt), delay $DELAY ms, concurrency $C, app $APP_DIR${BENCH_XMX:+, -Xmx$BENCH_XMX}"
python3 - "$APP_PORT" "$APP_PID" "$KEY" "$BODY" "$ITEMS" <<'PY'
import json, os, statistics, sys, time, urllib.request
port, pid, key, body, items = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
base = f"http://127.0.0.1:{port}"
def call(path, data=None):
    req = urllib.request.Request(base + path, data=data.encode() if data else None, method="POST" if data else "GET")
    req.add_header("Content-Type", "application/json")
    if key:
        req.add_header("Authorization", "Bearer " + key)
    t = time.monotonic()
    with urllib.request.urlopen(req, timeout=600) as r:
        out = json.load(r)
    return out, time.monotonic() - t
def cpu():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
def hwm():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) // 1024
cpu_before = cpu()
run, _ = call("/api/runs", body)
rid = run["id"]
SIZE = 100
lat = {"during": {"results": [], "keyset": [], "page": []}, "after": {"results": [], "keyset": [], "page": []}}
def poll(phase):
    r, t = call(f"/api/runs/{rid}/results"); lat[phase]["results"].append(t)
    done = r["run"]["completedItems"]
    # The last full page by number (the database skips what comes before it), then the page after it by its cursor.
    page, t = call(f"/api/runs/{rid}/comparisons?size={SIZE}&page={max(0, done // SIZE - 2)}"); lat[phase]["page"].append(t)
    if page.get("next"):
        _, t = call(f"/api/runs/{rid}/comparisons?size={SIZE}&after={page['next']}"); lat[phase]["keyset"].append(t)
    return r
start = time.monotonic()
while True:
    view = call(f"/api/runs/{rid}")[0]
    state = view["state"]
    if state not in ("QUEUED", "RUNNING"):
        break
    r = poll("during")
    print(f"  {time.monotonic() - start:7.0f} s  {r['run']['completedItems']:>7} items  results {lat['during']['results'][-1]*1000:6.0f} ms  "
          f"last page {lat['during']['page'][-1]*1000:6.0f} ms  RSS peak {hwm()} MiB", flush=True)
    time.sleep(10)
wall = time.monotonic() - start
cpu_run = cpu() - cpu_before
for _ in range(5):
    r = poll("after")
print(f"state {state}; {r['run']['completedItems']} of {items} items in {wall:.0f} s; overall {r['overall']['counts']}")
if state != "COMPLETED":
    print(f"reason: {view.get('reason')}")
for phase in ("during", "after"):
    for name, xs in lat[phase].items():
        if xs:
            print(f"{phase:6} {name:8} n={len(xs):3}  median {statistics.median(xs)*1000:7.0f} ms  max {max(xs)*1000:7.0f} ms")
print(f"server CPU during the run {cpu_run:.0f} s ({1000 * cpu_run / items:.2f} ms per item, polls included)")
print(f"peak RSS (VmHWM) {hwm()} MiB")
PY
echo "H2 file with the server running: $(( $(cat "$WORK"/.claimbench/*.mv.db 2>/dev/null | wc -c) / 1048576 )) MiB"
grep -E "ERROR|Exception" "$WORK/server.log" | head -5 || true
