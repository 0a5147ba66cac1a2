#!/usr/bin/env bash
# Prints the JVM flags of the README's run command (its first line: `... && java FLAGS -jar
# target/loginbot.jar`), so the benchmarks run the server exactly as the README does.
set -euo pipefail
cd "$(dirname "$0")/../../.."
flags=$(sed -n 's|.*&& java \(.*\) -jar target/loginbot\.jar.*|\1|p' README.md | head -1)
[ -n "$flags" ] || { echo "readme-flags.sh: no 'java ... -jar target/loginbot.jar' in README.md" >&2; exit 1; }
echo "$flags"
