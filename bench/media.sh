#!/usr/bin/env bash
# Media benchmarks (docs/benchmarks.md, "Media"): transcoding wall time against ffmpeg alone with the same arguments,
# upload against a bare Jetty handler writing the body to disk, download of the largest rendition against nginx sendfile of the same file, and 64 concurrent ranged downloads.
# Starts a demo node on free loopback ports with a scratch data dir, runs bench/media.py, stops the node.
# BENCH_SECONDS (wrk run length, default 10) and BENCH_CLIP_SECONDS (the 1080p source's length, default 8) trade
# precision and rendition size for time (~2 minutes by default).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.ci/java-home"
cd "$here/.."
for tool in ffmpeg nginx wrk python3; do command -v "$tool" >/dev/null || { echo "media bench needs $tool"; exit 1; }; done

out="$here/target/media-bench"
rm -rf "$out" && mkdir -p "$out"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PONTE_PORT=$port PONTE_MANAGEMENT_PORT=$mport PONTE_ADMIN_KEY=bench-admin ./ponte demo --data-dir "$out/data" > "$out/node.log" 2>&1 &
node=$!
trap 'kill $node 2>/dev/null; wait $node 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -q "demo network:" "$out/node.log" && break; sleep 0.2; done
grep -q "demo network:" "$out/node.log" || { cat "$out/node.log"; exit 1; }
[ -f bench/target/ponte-bench.jar ] && [ -z "$(find bench/src -newer bench/target/ponte-bench.jar -print -quit)" ] \
  || ./mvnw -B -q -pl bench -am package -DskipTests

JAVA="$JAVA_HOME/bin/java" PONTE="http://127.0.0.1:$port" DATA="$out/data" OUT="$out/run" python3 -u bench/media.py 2>&1 | tee "$out/results.txt"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
  "$(free -h | awk '/^Mem:/ {print $2}') RAM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nginx -v 2>&1); $(ffmpeg -version | head -1 | cut -d' ' -f1-3)" | tee -a "$out/results.txt"
