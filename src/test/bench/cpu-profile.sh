#!/usr/bin/env bash
# Where a REST turn's CPU goes, the whole process's: async-profiler samples Java, native code
# (SQLite) and the kernel (syscalls, fsync, futexes), which profile.sh's JFR does not see. Runs the
# jar as the README does, warms it with WARMUP of REST turns (the JIT settles after about 40 s
# here), samples DURATION, then prints the share of the stages of a turn.
#   src/test/bench/cpu-profile.sh [CONNECTIONS] [VAR=VALUE...]   e.g. cpu-profile.sh 32
# async-profiler comes from Maven Central (tools.profiler:async-profiler), fetched once into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../../.."
connections="${1:-32}"; shift || true
port="${BENCH_PORT:-17082}"
out=target/bench
version=4.1
mkdir -p "$out"
[ -f target/loginbot.jar ] || mvn -q -o -DskipTests clean package
jar="$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar"
[ -f "$jar" ] || mvn -q dependency:get -Dartifact="tools.profiler:async-profiler:$version"
lib="$PWD/$out/async-profiler/linux-x64/libasyncProfiler.so"
[ -f "$lib" ] || (mkdir -p "$out/async-profiler" && cd "$out/async-profiler" && unzip -o -q "$jar" 'linux-x64/*')
data=$(mktemp -d /tmp/loginbot-profile.XXXXXX)
collapsed="$PWD/$out/cpu-profile-$connections.collapsed"
flags=$(src/test/bench/readme-flags.sh)

env DATA_DIR="$data" "$@" PORT="$port" AGENT_TOKEN=bench-agent-token-0123456789 \
  RATE_LIMIT_PER_MINUTE=0 RATE_LIMIT_IP_PER_MINUTE=0 \
  java $flags ${JAVA_OPTS:-} \
  -jar target/loginbot.jar >"$out/server-cpu-profile.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
wrk_rest() {
  THREADS=2 wrk -t2 -c"$connections" -d"$1" --timeout 10s -s src/test/bench/rest.lua \
    "http://127.0.0.1:$port"
}
wrk_rest "${WARMUP:-40s}" >/dev/null
# The options are quoted: jcmd would otherwise read "event=cpu" as an option of its own.
jcmd "$pid" JVMTI.agent_load "$lib" "\"start,event=cpu,interval=1ms\"" >/dev/null
wrk_rest "${DURATION:-20s}" | grep '^RESULT'
jcmd "$pid" JVMTI.agent_load "$lib" "\"stop,file=$collapsed,collapsed\"" >/dev/null
kill "$pid"; wait "$pid" 2>/dev/null || true

python3 - "$collapsed" <<'PY'
import sys
stages = [
    ("Jetty and Javalin, from the socket to the socket", "QueuedThreadPool"),
    ("  the REST channel (request, turn, reply)", "RestChannel.receive"),
    ("  the turn (conversation service)", "ConversationService.handle"),
    ("    the embedded store's turn (lock, plan, writes)", "EmbeddedTurns.run"),
    ("      the SQLite writer section (group commit)", "GroupCommit.run"),
    ("        its statements", "Statements.execute"),
    ("        BEGIN, savepoints, COMMIT (WAL writes, fsync)", "Statements.run"),
    ("the JIT compilers", "CompileBroker"),
    ("garbage collection (serial)", "GenCollect"),
]
total, counts = 0, {p: 0 for _, p in stages}
for line in open(sys.argv[1]):
    stack, n = line.rstrip().rsplit(" ", 1)
    n = int(n)
    total += n
    for p in counts:
        if p in stack:
            counts[p] += n
print(f"{total} samples (1 ms of CPU each)")
for label, p in stages:
    print(f"  {100 * counts[p] / total:5.1f}%  {label}")
PY
