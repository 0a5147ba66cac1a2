#!/usr/bin/env bash
# Messages per second and latency through the REST channel, embedded SQLite store and PostgreSQL.
#
#   src/test/bench/load.sh [sqlite|postgres|both]
#
# Starts target/loginbot.jar on loopback (building it if missing), drives it with wrk and
# src/test/bench/store.lua when wrk is installed (apt-get install wrk), else with the Java closed-loop
# loader loginbot.bench.RestLoad, then stops it. Both keep CLIENTS requests in flight, each to a random
# conversation among CONVERSATIONS with a fresh metadata.message_id, and report msgs/s and p99.
# Env: SECONDS_PER_RUN (20), WARMUP (10), CLIENTS (16), CONVERSATIONS (2000), LOADER (wrk|java),
#      PG_URL (postgres://postgres@127.0.0.1:5432/test; a fresh schema is created and dropped).
set -euo pipefail
cd "$(dirname "$0")/../../.."

mode="${1:-both}"
seconds="${SECONDS_PER_RUN:-20}"
warmup="${WARMUP:-10}"
clients="${CLIENTS:-16}"
conversations="${CONVERSATIONS:-2000}"
pg_url="${PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
port="${BENCH_PORT:-17071}"
loader="${LOADER:-$(command -v wrk >/dev/null 2>&1 && echo wrk || echo java)}"
export CONVERSATIONS="$conversations"

[ -f target/loginbot.jar ] || mvn -q -o -DskipTests package
if [ "$loader" = java ]; then
  mvn -q -o test-compile
  cp_file=target/bench.classpath
  [ -f "$cp_file" ] || mvn -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
  classpath="target/test-classes:target/classes:$(cat "$cp_file")"
fi

run() { # name, then env assignments for the server
  local name="$1"; shift
  local log="target/bench-$name.log"
  env "$@" PORT="$port" AGENT_TOKEN=bench-agent-token-0123456789 \
    RATE_LIMIT_PER_MINUTE=100000000 RATE_LIMIT_BURST=100000000 \
    RATE_LIMIT_IP_PER_MINUTE=100000000 RATE_LIMIT_IP_BURST=100000000 \
    java -Xmx512m -jar target/loginbot.jar >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "server exited, see $log"; tail -20 "$log"; exit 1; }
    sleep 0.5
  done
  echo "== $name via $loader (clients=$clients, conversations=$conversations, ${seconds}s after ${warmup}s warm-up)"
  if [ "$loader" = wrk ]; then
    wrk -t2 -c"$clients" -d"${warmup}s" -s src/test/bench/store.lua "http://127.0.0.1:$port" >/dev/null
    wrk -t2 -c"$clients" -d"${seconds}s" --latency -s src/test/bench/store.lua "http://127.0.0.1:$port"
  else
    java -cp "$classpath" loginbot.bench.RestLoad "http://127.0.0.1:$port" "$seconds" "$warmup" "$clients" \
      "$conversations"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

if [ "$mode" = sqlite ] || [ "$mode" = both ]; then
  data_dir="$(mktemp -d)"
  run sqlite DATA_DIR="$data_dir"
  rm -rf "$data_dir"
fi
if [ "$mode" = postgres ] || [ "$mode" = both ]; then
  schema="bench_$(date +%s)_$$"
  psql -q "$pg_url" -c "CREATE SCHEMA $schema"
  trap 'PGOPTIONS="-c client_min_messages=warning" psql -q "$pg_url" -c "DROP SCHEMA IF EXISTS $schema CASCADE"' EXIT
  run postgres DATABASE_URL="$pg_url?currentSchema=$schema"
fi
