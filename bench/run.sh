#!/usr/bin/env bash
# The walking-skeleton benchmarks (docs/benchmarks.md): builds bench/ and what it depends on, runs
# PublishThroughput and FeedLatency against their same-run references, and prints the summary tables.
# Takes about 3 minutes. BENCH_WARMUP / BENCH_SECONDS (per level, default 2 / 8) trade precision for time.
# `bench/run.sh push` runs the push-delivery harnesses instead (PushThroughput, PushIsolation, PushFanOut; ~4 minutes).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.ci/java-home"   # a JDK >= 21: the machine's default java may be 17
cd "$here/.."
started=$(date +%s)

echo "== build (bench and the modules it depends on)"
./mvnw -B -q -o -pl bench -am package -DskipTests
echo "   built in $(( $(date +%s) - started )) s"

results=bench/target/results
rm -rf "$results" && mkdir -p "$results"
# The JVM flags of the ./ponte launcher, so the node runs as it does in production.
run() {
  "$JAVA_HOME/bin/java" -XX:+UseZGC -Xss512k \
    -Dbench.results="$results" -Dbench.warmup="${BENCH_WARMUP:-2}" -Dbench.seconds="${BENCH_SECONDS:-8}" \
    -cp bench/target/ponte-bench.jar "$@"
}

if [ "${1:-}" = push ]; then
  echo "== PushThroughput";  run ponte.bench.PushThroughput 16 2000 6 | tee "$results/push-throughput.log"
  echo "== PushIsolation";   run ponte.bench.PushIsolation 1000 5 | tee "$results/push-isolation.log"
  echo "== PushFanOut";      run ponte.bench.PushFanOut 5335 3 | tee "$results/push-fanout.log"
  echo
  echo "================ summary ================"
  echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
    "$(free -h | awk '/^Mem:/ {print $2}') RAM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  for t in push-throughput push-isolation push-fanout; do echo; cat "$results/$t.md"; done
  echo "took $(( $(date +%s) - started )) s (build included)"
  exit 0
fi

echo "== PublishThroughput"
run ponte.bench.PublishThroughput 1 8 64 | tee "$results/publish.log"
echo "== FeedLatency"
run ponte.bench.FeedLatency 1 16 | tee "$results/feed.log"

echo
echo "================ summary ================"
echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
  "$(free -h | awk '/^Mem:/ {print $2}') RAM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo
cat "$results/publish-throughput.md"
echo
cat "$results/feed-latency.md"
echo
echo "took $(( $(date +%s) - started )) s (build included)"
