#!/usr/bin/env bash
# Issue 18's bursts (docs/benchmarks.md, "Live events and tracked links in bursts"): GET /go/{code} and the live
# heartbeat POST /go/live/{code}, each a different viewer, against the same node's /health, wrk -t2 on loopback,
# rounds alternating. Installs Debian's wrk if it is missing.
#   bench/live.sh [rounds] [seconds] [connections]      defaults: 3 8 64  (about 1.5 minutes)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.ci/java-home"   # a JDK >= 21: the machine's default java may be 17
cd "$here/.."

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian)"
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
fi
echo "== build (bench and the modules it depends on)"
./mvnw -B -q -pl bench -am package -DskipTests

echo "== LiveBurst $(date -u +%Y-%m-%dT%H:%MZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -XX:+UseZGC -Xss512k -cp bench/target/ponte-bench.jar ponte.bench.LiveBurst "${1:-3}" "${2:-8}" "${3:-64}"
echo "== after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(free -h | awk '/^Mem:/ {print $2}') RAM;" \
  "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
