#!/usr/bin/env bash
# A failover drill on one machine, following docs/operations.md "Three nodes on PostgreSQL and Kafka":
# a Kafka broker (bench's StandaloneBroker), a fresh PostgreSQL database, three `./ponte serve` nodes with the same
# PONTE_DB_URL / PONTE_KAFKA_BOOTSTRAP / PONTE_ADMIN_KEY, a partner with 6 webhook endpoints on a slow receiver
# (50 ms per request), 120 items published through all nodes, and two of the three nodes killed with kill -9 while
# they deliver. Checks that the last node delivers every entry to every endpoint, in log order, within 60 s.
#   bench/three-nodes.sh          (about 2 minutes; needs PostgreSQL on 127.0.0.1:5432 with trust auth, python3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../.ci/java-home"
cd "$here/.."
work=$(mktemp -d /tmp/ponte-drill.XXXX)
db=ponte_drill
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
say() { echo "== $(date +%T) $*"; }

say "build"
./mvnw -B -q -o -pl bench -am package -DskipTests
./ponte --version >/dev/null 2>&1 || true   # builds app/target/ponte.jar if needed, once

say "Kafka broker (one KRaft node in its own JVM)"
"$JAVA_HOME/bin/java" -cp bench/target/ponte-bench.jar ponte.bench.StandaloneBroker > "$work/broker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 90); do grep -q '^BOOTSTRAP ' "$work/broker.log" && break; sleep 1; done
bootstrap=$(awk '/^BOOTSTRAP /{print $2}' "$work/broker.log")
[ -n "$bootstrap" ] || { echo "the broker did not start: $work/broker.log" >&2; exit 1; }

say "database $db (dropped and created), three nodes on ports 8191-8193 (management ports 8291-8293)"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $db" -c "create database $db"
export PONTE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PONTE_DB_USER=postgres PONTE_KAFKA_BOOTSTRAP="$bootstrap"
export PONTE_ADMIN_KEY=drill-admin PONTE_ALLOW_PRIVATE_ENDPOINTS=true PONTE_LOG_FORMAT=json
declare -A node
for n in 1 2 3; do
  ./ponte serve --port 819$n --management-port 829$n --data-dir "$work/node$n" > "$work/node$n.log" 2>&1 &
  node[$n]=$!; pids+=($!); disown   # no "Killed" notices from the shell: the kills are the drill
done
for n in 1 2 3; do
  for _ in $(seq 1 90); do curl -sf "127.0.0.1:819$n/ready" >/dev/null && break; sleep 1; done
  echo "   node $n: $(curl -s 127.0.0.1:819$n/ready)"
done

say "receiver on 127.0.0.1:8199 (50 ms per request)"
cat > "$work/receiver.py" <<'PY'
import http.server, json, sys, threading, time
lock = threading.Lock()
out = open(sys.argv[1], "a", buffering=1)
class Hook(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        time.sleep(0.05)
        with lock:
            out.write(f"{self.path} {json.loads(body)['data']['cursor']}\n")
        self.send_response(200); self.send_header("content-length", "0"); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", 8199), Hook).serve_forever()
PY
python3 "$work/receiver.py" "$work/hits.txt" 2> "$work/receiver.log" &   # resets by killed nodes go to its log
pids+=($!)

post() { curl -sf -X POST -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "$2" -d "$3"; }
key() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
say "network through different nodes: agency (IT) licenses news to partner (DE); 6 endpoints"
post drill-admin 127.0.0.1:8191/v1/orgs '{"id":"agency","name":"Agenzia","kind":"agency","country":"IT"}' >/dev/null
post drill-admin 127.0.0.1:8192/v1/orgs '{"id":"partner","name":"Partner","kind":"broadcaster","country":"DE"}' >/dev/null
editor=$(post drill-admin 127.0.0.1:8193/v1/orgs/agency/keys '{"role":"editor"}' | key key)
partner=$(post drill-admin 127.0.0.1:8191/v1/orgs/partner/keys '{"role":"partner"}' | key key)
post "$editor" 127.0.0.1:8192/v1/products '{"id":"news","name":"News"}' >/dev/null
post "$editor" 127.0.0.1:8193/v1/licences '{"licensee":"partner","products":["news"]}' >/dev/null
for e in 0 1 2 3 4 5; do
  post "$partner" "127.0.0.1:819$((e % 3 + 1))/v1/endpoints" "{\"url\":\"http://127.0.0.1:8199/hook$e\"}" | key id
done
sleep 7   # leases are balanced every 3 s
delivering() { curl -s "127.0.0.1:829$1/metrics" | awk '/^ponte_delivery_endpoints /{print int($2)}'; }
for n in 1 2 3; do echo "   node $n delivers to $(delivering $n) endpoints"; done

publish() {   # $1 first, $2 last, $3... node ports to spread over
  local first=$1 last=$2; shift 2; local ports=("$@") posts=()
  for i in $(seq "$first" "$last"); do
    post "$editor" "127.0.0.1:${ports[$((i % ${#ports[@]}))]}/v1/items" \
      "{\"ninjs\":{\"type\":\"text\",\"language\":\"it\",\"headlines\":[{\"role\":\"main\",\"value\":\"Notizia $i\"}]},\"products\":[\"news\"]}" >/dev/null &
    posts+=($!)
    sleep 0.01
  done
  for p in "${posts[@]}"; do wait "$p" || echo "   a publish failed" >&2; done
}
say "publish 60 items through all three nodes; kill -9 node 2 while they fan out"
publish 1 60 8191 8192 8193
sleep 0.5; kill -9 "${node[2]}"; echo "   killed node 2 with $(wc -l < "$work/hits.txt") of 360 requests received"
sleep 2
say "publish 60 more through nodes 1 and 3; kill -9 node 3 while they fan out"
publish 61 120 8191 8193
sleep 0.5; kill -9 "${node[3]}"; echo "   killed node 3 with $(wc -l < "$work/hits.txt") requests received"

say "waiting for node 1 to take over every endpoint and deliver everything (leases expire after 15 s)"
start=$(date +%s)
feed() { curl -sf -H "Authorization: Bearer $partner" "127.0.0.1:8191/v1/feed?limit=500" | python3 -c 'import json,sys; print("\n".join(e["cursor"] for e in json.load(sys.stdin)["entries"]))'; }
while :; do
  entries=$(feed | wc -l)
  done_all=$(python3 - "$work/hits.txt" "$entries" <<'PY'
import collections, sys
hits = collections.defaultdict(set)
for line in open(sys.argv[1]):
    path, cursor = line.split(); hits[path].add(cursor)
print(int(len(hits) == 6 and all(len(c) == int(sys.argv[2]) for c in hits.values())))
PY
)
  [ "$done_all" = 1 ] && break
  [ $(( $(date +%s) - start )) -gt 60 ] && break
  sleep 1
done
echo "   after $(( $(date +%s) - start )) s: node 1 delivers to $(delivering 1) endpoints"

say "check: every endpoint received every entry of the partner's feed, in log order"
feed > "$work/feed.txt"
python3 - "$work/hits.txt" "$work/feed.txt" <<'PY'
import collections, sys
feed = [l.strip() for l in open(sys.argv[2]) if l.strip()]
hits = collections.defaultdict(list)
for line in open(sys.argv[1]):
    path, cursor = line.split(); hits[path].append(cursor)
ok = len(hits) == 6 and len(feed) == 120
for path in sorted(hits):
    distinct = list(dict.fromkeys(hits[path]))
    in_order = distinct == feed
    ok &= in_order
    print(f"   {path}: {len(hits[path])} requests, {len(distinct)} distinct entries of {len(feed)}, in log order: {in_order}")
print("   PASS (a request cut off by a kill is sent again with the same webhook-id: at-least-once)" if ok else "   FAIL")
sys.exit(0 if ok else 1)
PY
