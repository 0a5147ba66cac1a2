#!/usr/bin/env bash
# Where the REST channel spends its time under load: runs the jar with Java Flight Recorder, drives
# it with wrk (rest.lua) and prints the hottest frames of the sampled stacks (top of stack, and
# loginbot frames anywhere in the stack), plus the lock contention JFR saw.
#   src/test/bench/profile.sh [CONNECTIONS] [VAR=VALUE...]   e.g. profile.sh 32 DATABASE_URL=...
set -euo pipefail
cd "$(dirname "$0")/../../.."
connections="${1:-32}"; shift || true
port="${BENCH_PORT:-17081}"
out=target/bench
mkdir -p "$out"
[ -f target/loginbot.jar ] || mvn -q -o -DskipTests clean package
data=$(mktemp -d /tmp/loginbot-profile.XXXXXX)
recording="$out/profile-$connections.jfr"

env DATA_DIR="$data" "$@" PORT="$port" AGENT_TOKEN=bench-agent-token-0123456789 \
  RATE_LIMIT_PER_MINUTE=0 RATE_LIMIT_IP_PER_MINUTE=0 \
  java ${JAVA_OPTS:-} -jar target/loginbot.jar >"$out/server-profile.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
# Warm up first (JIT, caches), then record only the measured run.
THREADS=2 wrk -t2 -c"$connections" -d10s --timeout 10s -s src/test/bench/rest.lua "http://127.0.0.1:$port" >/dev/null
jcmd "$pid" JFR.start name=load settings=profile >/dev/null
THREADS=2 wrk -t2 -c"$connections" -d"${DURATION:-20s}" --timeout 10s -s src/test/bench/rest.lua \
  "http://127.0.0.1:$port" | grep '^RESULT'
jcmd "$pid" JFR.dump name=load filename="$PWD/$recording" >/dev/null
kill "$pid"; wait "$pid" 2>/dev/null || true

jfr print --stack-depth 96 --events jdk.ExecutionSample "$recording" > "$out/profile-samples.txt"
python3 - "$out/profile-samples.txt" <<'PY'
import collections, re, sys
top, ours, total = collections.Counter(), collections.Counter(), 0
for block in open(sys.argv[1]).read().split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w.$<>]+)\(", block, re.M)
    if not frames:
        continue
    total += 1
    top[frames[0]] += 1
    for f in dict.fromkeys(f for f in frames if f.startswith("loginbot.")):
        ours[f] += 1
print(f"{total} samples")
print("hottest top-of-stack frames:")
for f, n in top.most_common(15):
    print(f"  {100 * n / total:5.1f}%  {f}")
print("loginbot frames on the stack (inclusive):")
for f, n in ours.most_common(30):
    print(f"  {100 * n / total:5.1f}%  {f}")
PY
jfr summary "$recording" | grep -E 'JavaMonitorEnter|ThreadPark' || true
