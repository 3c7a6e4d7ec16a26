#!/usr/bin/env bash
# The multilingual search benchmark (docs/benchmarks.md, "Search"): installs Debian's translated documentation for real
# prose (debian-reference-it/-zh-cn/-ja/-en, debian-faq-ko), builds bench/ and what it depends on, writes N items on
# Ponte's content log once (item 0 through the publish path, the rest as the same rows in bulk; kept under
# bench/target/search-log/ per items, seed and generator version and copied for each later run), indexes them with
# Ponte's log-fed indexer and with a raw Lucene harness (same analysers, same documents) in ten alternating steps, then
# runs a mixed it/en/zh/ko/ja query set against both, alternating.
#   bench/search.sh [items] [queries per language] [rounds] [seed]      defaults: 100000 40 3 0
# Progress is printed as it goes; the summary table is in bench/target/results/search.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.ci/java-home"   # a JDK >= 21: the machine's default java may be 17
cd "$here/.."

packages=(debian-reference-it debian-reference-zh-cn debian-reference-ja debian-reference-en debian-faq-ko)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== build (bench and the modules it depends on)"
./mvnw -B -q -o -pl bench -am package -DskipTests

echo "== SearchBenchmark $(date -u +%Y-%m-%dT%H:%MZ)"
"$JAVA_HOME/bin/java" -XX:+UseZGC -Xss512k -Xmx8g --add-modules jdk.incubator.vector \
  -Dbench.results=bench/target/results -cp bench/target/ponte-bench.jar \
  ${SEARCH_JAVA_OPTS:-} ponte.bench.SearchBenchmark "${1:-100000}" "${2:-40}" "${3:-3}" "${4:-0}"
