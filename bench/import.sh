#!/usr/bin/env bash
# The backfill benchmark (docs/benchmarks.md, "Issue 19: backfill import"): generates a file of N ninjs items, one per
# line (a string concatenation: seconds, not minutes), streams it to PUT /v1/ingest/imports/{id} of a fresh embedded
# node, then POSTs the same file, and the same items as one Atom feed, to /v1/ingest/files of a fresh node each (NDJSON
# answers), and measures them against reading+parsing the file alone and raw H2 batched inserts of the same lines,
# each reference run before and after Ponte. A few minutes at 100,000 items.
#   bench/import.sh [items]        default 100000
#   BENCH_JFR=1 bench/import.sh    also records a JFR profile to bench/target/import.jfr
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.ci/java-home"   # a JDK >= 21: the machine's default java may be 17
cd "$here/.."
echo "== build (bench and the modules it depends on)"
./mvnw -B -q -pl bench -am package -DskipTests
jfr=()
if [ "${BENCH_JFR:-0}" = 1 ]; then
  jfr=("-XX:StartFlightRecording=filename=bench/target/import.jfr,settings=profile")
fi
echo "== ImportThroughput $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
"$JAVA_HOME/bin/java" -XX:+UseZGC -Xss512k -Xmx4g --add-modules jdk.incubator.vector "${jfr[@]}" \
  -cp bench/target/ponte-bench.jar ponte.bench.ImportThroughput "${1:-100000}"
