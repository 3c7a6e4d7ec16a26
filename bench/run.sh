#!/usr/bin/env bash
# The benchmarks of docs/benchmarks.md. Builds bench/ and what it depends on, then runs one set:
#   bench/run.sh        the walking skeleton: PublishThroughput and FeedLatency against their same-run references
#                       (about 3 minutes; BENCH_WARMUP / BENCH_SECONDS per level, default 2 / 8); with
#                       PONTE_BENCH_POSTGRES=true the publish run is on PostgreSQL (127.0.0.1:5432, db test, a schema
#                       of its own for the node and one for the reference)
#   bench/run.sh log    production mode: LogAppendBenchmark, log append throughput embedded vs PostgreSQL vs Kafka
#                       mode vs a bare Kafka producer on the same in-JVM broker, and publish-to-first-delivery latency
#                       (about 4 minutes; BENCH_CLIENTS 16, BENCH_RATE 200/s, BENCH_WARMUP / BENCH_SECONDS 3 / 10)
#   bench/run.sh push   push delivery: PushThroughput, PushIsolation, PushFanOut against a stateless signed sender
#                       (about 4 minutes)
#   bench/run.sh delivery  publish to the first webhook request at a receiver: DeliveryLatency, embedded, Kafka mode
#                       (the other node delivers), 100 endpoints, PostgreSQL without Kafka, against the Tail hand-off
#                       and a raw signed POST (about 3 minutes; BENCH_RATE 50/s, BENCH_FANOUT_RATE 5/s,
#                       BENCH_ENDPOINTS 100, BENCH_WARMUP / BENCH_SECONDS 3 / 10, BENCH_POLLING=false leaves out
#                       PostgreSQL without Kafka)
# and prints the summary tables. Feed pages against nginx: bench/feed-page.sh; search: bench/search.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.ci/java-home"   # a JDK >= 21: the machine's default java may be 17
cd "$here/.."
started=$(date +%s)
what="${1:-skeleton}"
case "$what" in
  skeleton | log | push | delivery) ;;
  *) echo "usage: bench/run.sh [skeleton|log|push|delivery]" >&2; exit 2 ;;
esac
# Publishes per second of the open loops: delivery's one endpoint is pushed at a modest rate, the log's tail at 200/s.
rate="${BENCH_RATE:-$([ "$what" = delivery ] && echo 50 || echo 200)}"

if { [ "$what" = log ] || [ "$what" = delivery ]; } && ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "PostgreSQL is not running on 127.0.0.1:5432; starting it" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

echo "== build (bench and the modules it depends on)"
./mvnw -B -q -o -pl bench -am package -DskipTests
echo "   built in $(( $(date +%s) - started )) s"

results=bench/target/results
rm -rf "$results" && mkdir -p "$results"
# The JVM flags of the ./ponte launcher, so the node runs as it does in production.
run() {
  local warmup=$1 seconds=$2
  shift 2
  "$JAVA_HOME/bin/java" -XX:+UseZGC -Xss512k \
    -Dbench.results="$results" -Dbench.warmup="${BENCH_WARMUP:-$warmup}" -Dbench.seconds="${BENCH_SECONDS:-$seconds}" \
    -Dbench.rate="$rate" -cp bench/target/ponte-bench.jar "$@"
}

if [ "$what" = push ]; then
  echo "== PushThroughput";  run 2 8 ponte.bench.PushThroughput 16 2000 6 | tee "$results/push-throughput.log"
  echo "== PushIsolation";   run 2 8 ponte.bench.PushIsolation 1000 5 | tee "$results/push-isolation.log"
  echo "== PushFanOut";      run 2 8 ponte.bench.PushFanOut 5335 3 | tee "$results/push-fanout.log"
  echo
  echo "================ summary ================"
  echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
    "$(free -h | awk '/^Mem:/ {print $2}') RAM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  for t in push-throughput push-isolation push-fanout; do echo; cat "$results/$t.md"; done
  echo "took $(( $(date +%s) - started )) s (build included)"
  exit 0
fi

if [ "$what" = delivery ]; then
  run 3 10 -Dbench.fanout.rate="${BENCH_FANOUT_RATE:-5}" -Dbench.polling="${BENCH_POLLING:-true}" \
    ponte.bench.DeliveryLatency "${BENCH_ENDPOINTS:-100}" | tee "$results/delivery.log"
  echo
  echo "================ summary ================"
  echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
    "$(free -h | awk '/^Mem:/ {print $2}') RAM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo
  cat "$results/delivery-latency.md"
  echo "took $(( $(date +%s) - started )) s (build included)"
  exit 0
fi

if [ "$what" = skeleton ]; then
  echo "== PublishThroughput"
  run 2 8 -Dbench.publish.postgres="${PONTE_BENCH_POSTGRES:-false}" ponte.bench.PublishThroughput 1 8 64 | tee "$results/publish.log"
  echo "== FeedLatency"
  run 2 8 ponte.bench.FeedLatency 1 16 | tee "$results/feed.log"
else
  echo "== LogAppendBenchmark"
  run 3 10 ponte.bench.LogAppendBenchmark "${BENCH_CLIENTS:-16}" | tee "$results/log.log"
fi

echo
echo "================ summary ================"
echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
  "$(free -h | awk '/^Mem:/ {print $2}') RAM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo
if [ "$what" = skeleton ]; then
  cat "$results/publish-throughput.md"
  echo
  cat "$results/feed-latency.md"
else
  cat "$results/log-append.md"
fi
echo
echo "took $(( $(date +%s) - started )) s (build included)"
