#!/usr/bin/env python3
# Classifies the JFR execution samples of a PublishThroughput run (docs/benchmarks.md, "Issue 19: the publish path"):
#   jfr print --events jdk.ExecutionSample --stack-depth 80 run.jfr > run.txt; bench/publish-profile.py run.txt
# by thread, then the log writer's and the request threads' samples by the outermost publish-path frame they are in.
import sys, re, collections
# Classifies JFR execution samples of a PublishThroughput run: which thread, and what part of the publish path.
WRITER_RULES = [
  ("listeners (tail, index, recent routes)", ["LogWriter.answer"]),
  ("commit", ["Connection.commit", "JdbcConnection.commit", "HikariProxyConnection.commit", "ProxyConnection.commit"]),
  ("savepoints", ["setSavepoint", "rollback(Savepoint", "releaseSavepoint"]),
  ("network freshness (judgeAt)", ["NetworkFreshness"]),
  ("routing (Entitlements)", ["ponte.core.licensing"]),
  ("SQL: audit trail", ["JdbcAuditTrail"]),
  ("SQL: items + owners", ["JdbcLogTransaction.insertItem", "JdbcLogTransaction.updateItem", "ItemBatch.items"]),
  ("SQL: versions", ["ItemRows.insertVersion", "JdbcLogTransaction.insertVersion"]),
  ("SQL: content_log + routes", ["JdbcLogTransaction.append", "JdbcLogTransaction.insertRoutes"]),
  ("SQL: releases", ["Releases."]),
  ("SQL: reads (item, version, received)", ["JdbcLogTransaction.item", "JdbcLogTransaction.version", "JdbcLogTransaction.received", "JdbcLogTransaction.languageSet"]),
  ("SQL: batched flush", ["LogBatch", "flush"]),
  ("desk / Appending other", ["ponte.core.publishing"]),
  ("group loop / queue", ["GroupCommit", "LogWriter"]),
]
REQ_RULES = [
  ("waiting in LogWriter.append (handoff)", ["LogWriter.append"]),
  ("ninjs schema check", ["NinjsSchema.validate", "com.networknt"]),
  ("ninjs read (stored JSON write, fields)", ["NinjsReader"]),
  ("request JSON parse", ["Exchange.body", "JsonInput", "readTree"]),
  ("products check (SQL on request thread)", ["Products.requireOwned"]),
  ("publishing (core)", ["Publishing.publish"]),
  ("auth / caller", ["ponte.api.Authenticator", "ponte.api.KeyUses", "ponte.api.Exchange.caller"]),
  ("render answer", ["Exchange.json", "receipt"]),
  ("ponte api other", ["ponte.api"]),
  ("jetty HTTP", ["org.eclipse.jetty"]),
]
def classify(frames, rules):
  for name, keys in rules:
    for f in frames:
      if any(k in f for k in keys):
        return name
  return "other"
path = sys.argv[1]
events = open(path).read().split("jdk.ExecutionSample {")[1:]
bythread = collections.Counter(); writer = collections.Counter(); req = collections.Counter()
for e in events:
  m = re.search(r'sampledThread = "([^"]*)"', e)
  t = m.group(1) if m else "?"
  frames = re.findall(r'^\s{4}(\S.*?) line:', e, re.M)
  if t == "ponte-log-writer":
    bythread["log writer"] += 1; writer[classify(frames, WRITER_RULES)] += 1
  elif any("RawCommits" in f for f in frames):
    bythread["raw reference"] += 1
  elif any("ponte.bench.Client" in f or "java.net.http" in f or "jdk.internal.net.http" in f for f in frames):
    bythread["bench client (HttpClient)"] += 1
  elif any("org.eclipse.jetty" in f or "ponte.api" in f for f in frames):
    bythread["request handling (Jetty+api)"] += 1; req[classify(frames, REQ_RULES)] += 1
  elif any("org.h2" in f for f in frames):
    bythread["h2 other threads"] += 1
  else:
    bythread["other: " + t.split("-")[0][:20]] += 1
def show(title, c):
  n = sum(c.values()); print(f"\n{title} ({n} samples)")
  for k, v in c.most_common(): print(f"  {v*100.0/n:5.1f}%  {v:5d}  {k}")
show("all samples by thread", bythread); show("log writer thread", writer); show("request threads", req)
