#!/usr/bin/env bash
# A partner's feed page of 50 items: Ponte (auth and the entitlement gate on) against nginx and a minimal Jetty 12
# handler serving the same bytes, all three driven by wrk on loopback, for a 200 and for the 304 path
# (docs/benchmarks.md, "Feed page against nginx and a Jetty handler"). Installs Debian's nginx-light and wrk if they
# are missing; the harness starts nginx on a free loopback port with a temporary config and stops it at the end.
# BENCH_SECONDS / BENCH_WARMUP / BENCH_ROUNDS (default 10 / 5 / 3) trade precision for time (~4 minutes by default).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.ci/java-home"   # a JDK >= 21: the machine's default java may be 17
cd "$here/.."

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "== installing nginx-light and wrk (Debian)"
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light wrk >/dev/null
fi
echo "== build (bench and the modules it depends on)"
./mvnw -B -q -o -pl bench -am package -DskipTests

results=bench/target/results
mkdir -p "$results"
"$JAVA_HOME/bin/java" -XX:+UseZGC -Xss512k \
  -Dbench.results="$results" -Dbench.seconds="${BENCH_SECONDS:-10}" -Dbench.warmup="${BENCH_WARMUP:-5}" -Dbench.rounds="${BENCH_ROUNDS:-3}" \
  -cp bench/target/ponte-bench.jar ponte.bench.FeedPageVsReferences | tee "$results/feed-page.log"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
  "$(free -h | awk '/^Mem:/ {print $2}') RAM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nginx -v 2>&1); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
