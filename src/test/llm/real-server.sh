#!/usr/bin/env bash
# The real model server of the *RealServerIT tier: llama.cpp's llama-server, built from the source that the pinned npm
# package node-llama-cpp ships, and a tiny random-weight model of the project's own. Used by .ci/run and by hand:
#
#   real-server.sh prepare   build the server and write the model (each skipped when already there), then mark ready
#   real-server.sh build     only the server           real-server.sh model   only the model
#   real-server.sh start     run the server on 127.0.0.1:${REAL_SERVER_PORT:-8089} (PID file, health poll)
#   real-server.sh stop      stop the server that start started
#   real-server.sh test      prepare, then run the tier: ./mvnw -B verify limited to *RealServerIT
#
# Everything goes to a cache folder outside the checkout: $CLAIMBENCH_TOOLS/llama-<version> (CLAIMBENCH_TOOLS defaults
# to ~/.cache/claimbench-tools, as in .ci/run). prepare writes $CLAIMBENCH_TOOLS/llama-server.ready (the server and
# model paths); the tests wait for it while llama-server.building names a live process (the background job .ci/run
# starts), and read llama-server.failed for the reason when that job ends without it.
set -euo pipefail

VERSION=3.21.1
HERE=$(cd "$(dirname "$0")" && pwd)
TOOLS=${CLAIMBENCH_TOOLS:-$HOME/.cache/claimbench-tools}
HOME_DIR="$TOOLS/llama-$VERSION"
SERVER="$HOME_DIR/bin/llama-server"
MODEL="$HOME_DIR/models/tiny-chat.gguf"
PORT=${REAL_SERVER_PORT:-8089}

log() { echo "real-server: $*" >&2; }

build() {
  if [ -x "$SERVER" ] && [ -f "$HOME_DIR/vocab/ggml-vocab-qwen2.gguf" ] && [ -d "$HOME_DIR/gguf-py/gguf" ]; then
    log "llama-server $VERSION already built in $HOME_DIR"
    return
  fi
  local started
  started=$(date +%s)
  mkdir -p "$TOOLS"
  work=$(mktemp -d "$TOOLS/llama-build.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  log "building llama-server from npm node-llama-cpp@$VERSION in $work"
  (cd "$work" && npm pack --silent --loglevel=error "node-llama-cpp@$VERSION" >/dev/null)
  tar -xzf "$work/node-llama-cpp-$VERSION.tgz" -C "$work" package/llama/gitRelease.bundle
  git -c advice.detachedHead=false clone -q "$work/package/llama/gitRelease.bundle" "$work/src"
  cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=OFF \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF \
    -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_BUILD_UI=OFF -DBUILD_SHARED_LIBS=OFF >"$work/cmake.log" 2>&1 \
    || { tail -30 "$work/cmake.log" >&2; exit 1; }
  cmake --build "$work/build" --target llama-server -j"${REAL_SERVER_JOBS:-2}" >"$work/build.log" 2>&1 \
    || { tail -30 "$work/build.log" >&2; exit 1; }
  rm -rf "$HOME_DIR.new"
  mkdir -p "$HOME_DIR.new/bin" "$HOME_DIR.new/vocab"
  cp "$work/build/bin/llama-server" "$HOME_DIR.new/bin/"
  cp "$work/src/models/ggml-vocab-qwen2.gguf" "$HOME_DIR.new/vocab/"
  cp -r "$work/src/gguf-py" "$HOME_DIR.new/gguf-py"
  (cd "$work/src" && git log -1 --format='%H %cd' >"$HOME_DIR.new/SOURCE")
  # An earlier model stays valid: it depends only on the vocabulary and the script.
  if [ -d "$HOME_DIR/models" ]; then mv "$HOME_DIR/models" "$HOME_DIR.new/models"; fi
  rm -rf "$HOME_DIR"
  mv "$HOME_DIR.new" "$HOME_DIR"
  rm -rf "$work"
  echo "$(( $(date +%s) - started ))" >"$HOME_DIR/build-seconds"
  log "built llama-server in $(cat "$HOME_DIR/build-seconds") s"
}

model() {
  local digest
  digest=$(sha256sum "$HERE/make-tiny-model.py" | cut -c1-16)
  if [ -f "$MODEL" ] && [ "$(cat "$MODEL.script" 2>/dev/null)" = "$digest" ]; then
    log "model already written: $MODEL"
    return
  fi
  mkdir -p "$HOME_DIR/models"
  PYTHONPATH="$HOME_DIR/gguf-py" python3 "$HERE/make-tiny-model.py" \
    --vocab "$HOME_DIR/vocab/ggml-vocab-qwen2.gguf" --out "$MODEL.tmp"
  mv "$MODEL.tmp" "$MODEL"
  echo "$digest" >"$MODEL.script"
  log "model written: $MODEL ($(du -h "$MODEL" | cut -f1))"
}

prepare() {
  mkdir -p "$TOOLS"
  rm -f "$TOOLS/llama-server.failed" "$TOOLS/llama-server.ready"
  # Each step in a process of its own, so that set -e holds inside it (it does not in a condition here).
  if ! "$HERE/real-server.sh" build || ! "$HERE/real-server.sh" model; then
    echo "building llama-server $VERSION or writing the model failed (${REAL_SERVER_LOG:-see the output of real-server.sh prepare})" \
      >"$TOOLS/llama-server.failed"
    exit 1
  fi
  printf 'version=%s\nserver=%s\nmodel=%s\n' "$VERSION" "$SERVER" "$MODEL" >"$TOOLS/llama-server.ready"
}

start() {
  [ -f "$TOOLS/llama-server.ready" ] || { log "not prepared: run $0 prepare first"; exit 1; }
  local key=${REAL_SERVER_API_KEY:-local-dev-key}
  "$SERVER" -m "$MODEL" --host 127.0.0.1 --port "$PORT" -t 2 -c 4096 -np 2 --api-key "$key" --metrics \
    >"$HOME_DIR/server.log" 2>&1 &
  echo $! >"$HOME_DIR/server.pid"
  for _ in $(seq 1 100); do
    if curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then
      log "llama-server on http://127.0.0.1:$PORT/v1 (PID $(cat "$HOME_DIR/server.pid"), log $HOME_DIR/server.log)"
      return
    fi
    sleep 0.2
  done
  log "llama-server did not become healthy; see $HOME_DIR/server.log"
  stop
  exit 1
}

stop() {
  if [ -f "$HOME_DIR/server.pid" ]; then
    kill "$(cat "$HOME_DIR/server.pid")" 2>/dev/null || true
    rm -f "$HOME_DIR/server.pid"
  fi
}

case "${1:-}" in
  build) build ;;
  model) model ;;
  prepare) prepare ;;
  start) start ;;
  stop) stop ;;
  test)
    prepare
    cd "$HERE/../../.."
    export CLAIMBENCH_TOOLS="$TOOLS"
    ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='*RealServerIT' "${@:2}"
    ;;
  *) echo "usage: $0 prepare|build|model|start|stop|test [maven options]" >&2; exit 3 ;;
esac
