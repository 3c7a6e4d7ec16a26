#!/usr/bin/env bash
# The reach benchmark (docs/benchmarks.md, "Reach"): one agency licenses one product to P partners and publishes N items
# through the content log (N x P routes); partners' reads as the read facts hold them; R usage reports through the
# Reporting use case in batches of 1,000 (the ingest rate, 1 and 4 clients); then the product's reach, alternating
# with a plain SQL aggregate over the same rows, Q times each.
#   bench/reach.sh [items] [partners] [reports] [queries]      defaults: 10000 100 100000 30
# On PostgreSQL instead of embedded H2 (a schema of its own, dropped at the end):
#   PONTE_BENCH_POSTGRES='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' bench/reach.sh ...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.ci/java-home"   # a JDK >= 21: the machine's default java may be 17
cd "$here/.."

echo "== build (bench and the modules it depends on)"
./mvnw -B -q -pl bench -am package -DskipTests

echo "== ReachBenchmark $(date -u +%Y-%m-%dT%H:%MZ)"
"$JAVA_HOME/bin/java" -XX:+UseZGC -Xmx6g -Dponte.bench.postgres="${PONTE_BENCH_POSTGRES:-}" -cp bench/target/ponte-bench.jar \
  ponte.bench.ReachBenchmark "${1:-10000}" "${2:-100}" "${3:-100000}" "${4:-30}"
