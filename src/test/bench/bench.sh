#!/usr/bin/env bash
# loginbot's published performance figures (BENCHMARKS.md), on loopback, in one run:
#   src/test/bench/bench.sh [all|throughput|startup|memory|classifier|build]
# throughput: REST channel vs the same server's /health with wrk, at 32 and 256 connections, with
#             the embedded store and with PostgreSQL; startup: process start to first answered
#             message, plain and as the README runs it (with the AppCDS archive of mvn package); memory: resident size with 10,000 live
#             conversations; classifier: the NLU's JMH benchmark (ClassifierBenchmark); build: wall
#             time of the unit suite (mvn test) and of the whole build (CI=true mvn verify).
# Every figure is printed with the load average (1 min) it was taken under: the machine is shared.
# Env: DURATION (20s per wrk run), WARMUP (40s of REST turns before measuring), PG_URL (postgres://postgres@127.0.0.1:5432/test;
#      a fresh schema is created and dropped), JAVA_OPTS (extra JVM flags for the server),
#      STARTUP_RUNS (5), CONVERSATIONS (10000), STORES ("embedded postgresql": which stores throughput runs). Needs wrk, curl and python3 (apt-get install -y wrk curl).
# Everything stays on 127.0.0.1; every wrk run is bounded by its duration.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench_dir=src/test/bench

what="${1:-all}"
duration="${DURATION:-20s}"
warmup="${WARMUP:-40s}"
pg_url="${PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
port="${BENCH_PORT:-17080}"
threads=2
out=target/bench
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
[ -f target/loginbot.jar ] || mvn -q -o -DskipTests clean package

# The JVM flags of the README's run command and the Procfile: the servers of the throughput and
# memory figures and the "readme" start-up rows run with them (JAVA_OPTS comes after, and wins).
flags=$("$bench_dir/readme-flags.sh")
read -r -a readme_flags <<<"$flags"

server_pid=""
schema=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$schema" ] && psql -q "$pg_url" -c "DROP SCHEMA IF EXISTS $schema CASCADE" 2>/dev/null || true
}
trap cleanup EXIT

# start_server NAME VAR=VALUE...: runs the jar with limits off (wrk is one client address sending
# thousands of messages) and waits for /health.
start_server() {
  local name="$1"; shift
  env "$@" PORT="$port" AGENT_TOKEN=bench-agent-token-0123456789 \
    RATE_LIMIT_PER_MINUTE=0 RATE_LIMIT_IP_PER_MINUTE=0 \
    java "${readme_flags[@]}" ${JAVA_OPTS:-} -jar target/loginbot.jar >"$out/server-$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 200); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited, see $out/server-$name.log"; tail -20 "$out/server-$name.log"; exit 1; }
    sleep 0.1
  done
  echo "server did not become healthy"; exit 1
}

stop_server() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# wrk_result SCRIPT CONNECTIONS DURATION: prints "rps p50_ms p99_ms non2xx socket_errors cpu_us",
# cpu_us being the server's CPU time (user + system, all threads) per request of the run: on a
# shared machine it moves far less than the rate does.
wrk_result() {
  local line before after
  before=$(server_cpu_ticks)
  line=$(THREADS=$threads wrk -t"$threads" -c"$2" -d"$3" --timeout 10s -s "$bench_dir/$1" \
    "http://127.0.0.1:$port" | grep '^RESULT')
  after=$(server_cpu_ticks)
  echo "$line" | sed -E 's/.*rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) requests=([0-9]+) non2xx=([0-9]+) socket_errors=([0-9]+).*/\1 \2 \3 \5 \6 \4/' \
    | awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" \
      '{ printf "%s %s %s %s %s %.0f\n", $1, $2, $3, $4, $5, t * 1e6 / hz / ($6 > 0 ? $6 : 1) }'
}

server_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }

fresh_data_dir() { mktemp -d /tmp/loginbot-bench.XXXXXX; }

load1() { cut -d' ' -f1 /proc/loadavg; }

throughput_for() { # name, server env...
  local name="$1"; shift
  start_server "$name" "$@"
  # The JIT needs about 40 s of REST turns on two shared cores to settle (compilations counted
  # with -XX:+PrintCompilation): a shorter warm-up measures the compiler as much as the bot.
  wrk_result rest.lua 32 "$warmup" >/dev/null
  wrk_result health.lua 32 10s >/dev/null
  for c in 32 256; do
    local load
    load=$(load1)
    read -r hr h50 h99 _ _ hcpu <<<"$(wrk_result health.lua "$c" "$duration")"
    read -r rr r50 r99 rbad rerr rcpu <<<"$(wrk_result rest.lua "$c" "$duration")"
    local share
    share=$(awk -v r="$rr" -v h="$hr" 'BEGIN { printf "%.0f%%", 100 * r / h }')
    printf '| %s | %s | %s | %s / %s | %s | %s / %s | %s | %s / %s | %s (%s non-2xx) | %s–%s |\n' \
      "$name" "$c" "$hr" "$h50" "$h99" "$rr" "$r50" "$r99" "$share" "$hcpu" "$rcpu" \
      "$((rbad + rerr))" "$rbad" "$load" "$(load1)" | tee -a "$out/throughput.md"
  done
  stop_server
}

throughput() {
  echo "| store | connections | /health req/s | /health p50 / p99 ms | REST msg/s | REST p50 / p99 ms | REST ÷ /health | server CPU µs per /health / per REST turn | errors | load avg |" \
    | tee "$out/throughput.md"
  echo "|---|---|---|---|---|---|---|---|---|---|" | tee -a "$out/throughput.md"
  local data stores="${STORES:-embedded postgresql}"
  if [[ " $stores " == *" embedded "* ]]; then
    data=$(fresh_data_dir)
    throughput_for embedded DATA_DIR="$data"
    rm -rf "$data"
  fi
  if [[ " $stores " != *" postgresql "* ]]; then
    return 0
  elif pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    schema="bench_$(date +%s)_$$"
    psql -q "$pg_url" -c "CREATE SCHEMA $schema"
    throughput_for postgresql DATABASE_URL="$pg_url?currentSchema=$schema"
    psql -q "$pg_url" -c "DROP SCHEMA IF EXISTS $schema CASCADE"
    schema=""
  else
    echo "| postgresql | – | PostgreSQL not reachable on 127.0.0.1:5432 | | | | | | | |" | tee -a "$out/throughput.md"
  fi
}

# Start-up: from launching the JVM to the first answered message, each run a new JVM. Prints wall
# and CPU milliseconds per run. Rows: the plain `java -jar`; the README command, which maps the
# class-data archive `mvn package` records (target/loginbot.jsa) and bounds the heap; both on a
# fresh DATA_DIR, then the README command again on a DATA_DIR whose schema is current (a
# restart). PER_THREAD=1 adds the CPU of each JVM thread at the first answer.
startup_runs() { # label, data dir ("" = a fresh one per run), JVM flags...
  local label="$1" keep="$2" runs="${STARTUP_RUNS:-5}" walls=() cpus=() line data; shift 2
  for i in $(seq 1 "$runs"); do
    data="${keep:-$(fresh_data_dir)}"
    line=$(DATA_DIR="$data" PORT="$port" AGENT_TOKEN=bench-agent-token-0123456789 LOG="$out/server-startup.log" \
      python3 "$bench_dir/first-answer.py" "$port" -- java "$@" ${JAVA_OPTS:-} -jar target/loginbot.jar)
    [ -n "$keep" ] || rm -rf "$data"
    read -r wall cpu <<<"$(head -1 <<<"$line")"
    echo "$label run $i: wall $wall ms, server CPU $cpu ms, load average $(cut -d' ' -f1 /proc/loadavg)" \
      | tee -a "$out/startup.txt"
    tail -n +2 <<<"$line" | tee -a "$out/startup.txt"
    walls+=("$wall"); cpus+=("$cpu")
  done
  echo "$label median: wall $(median "${walls[@]}") ms, server CPU $(median "${cpus[@]}") ms" | tee -a "$out/startup.txt"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

startup() {
  : >"$out/startup.txt"
  [ -f target/loginbot.jsa ] || { echo "target/loginbot.jsa is missing: run mvn package"; exit 1; }
  startup_runs plain "" -Xshare:auto
  startup_runs readme "" "${readme_flags[@]}"
  local data
  data=$(fresh_data_dir)
  STARTUP_RUNS=1 startup_runs schema-setup "$data" "${readme_flags[@]}" >/dev/null
  startup_runs readme-restart "$data" "${readme_flags[@]}"
  rm -rf "$data"
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Memory: resident size of the server process with CONVERSATIONS conversations created (2 turns each).
memory() {
  local n="${CONVERSATIONS:-10000}" data
  data=$(fresh_data_dir)
  start_server memory DATA_DIR="$data"
  local idle
  idle=$(rss_mb "$server_pid")
  python3 "$bench_dir/populate.py" "$port" "$n" "m$$" | tee "$out/memory.txt"
  local loaded after_gc
  loaded=$(rss_mb "$server_pid")
  jcmd "$server_pid" GC.run >/dev/null 2>&1 || true
  sleep 1
  after_gc=$(rss_mb "$server_pid")
  {
    echo "conversations: $n (2 turns each), JAVA_OPTS='${JAVA_OPTS:-}', load average $(load1)"
    echo "RSS idle after start: ${idle} MB; after creating them: ${loaded} MB; after a full GC: ${after_gc} MB"
    jcmd "$server_pid" GC.heap_info 2>/dev/null | head -3 || true
  } | tee -a "$out/memory.txt"
  stop_server
  rm -rf "$data"
}

# Classification latency: the NLU's own JMH benchmark (sample mode: median and p99 per message).
classifier() {
  mvn -q -o -Pbench test-compile exec:exec -Djmh.args="ClassifierBenchmark -f 1 -wi 3 -i 5" \
    | tee "$out/classifier.txt" | grep -E '^(Benchmark|ClassifierBenchmark)' || true
}

# Build: the unit suite, then the whole build as CI runs it (integration and browser tests,
# Spotless, Error Prone), each timed from a warm Maven repository, offline.
build() {
  local start load
  : >"$out/build.txt"
  load=$(load1); start=$(date +%s)
  mvn -o -q test >"$out/build-test.log" 2>&1 && result=ok || result=FAILED
  echo "unit suite (mvn -o test): $(( $(date +%s) - start )) s, $result, load average $load–$(load1)" | tee -a "$out/build.txt"
  load=$(load1); start=$(date +%s)
  CI=true mvn -o -q verify >"$out/build-verify.log" 2>&1 && result=ok || result=FAILED
  echo "whole build (CI=true mvn -o verify): $(( $(date +%s) - start )) s, $result, load average $load–$(load1)" | tee -a "$out/build.txt"
}

case "$what" in
  throughput) throughput ;;
  startup) startup ;;
  memory) memory ;;
  classifier) classifier ;;
  build) build ;;
  all) echo "load average before: $(cat /proc/loadavg)"; throughput; startup; memory; classifier ;;
  *) echo "usage: $0 [all|throughput|startup|memory|classifier|build]"; exit 2 ;;
esac
