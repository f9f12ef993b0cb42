#!/usr/bin/env python3
"""Summarises a Java Flight Recorder recording of `paperlens serve` per answered request, for
bench/web-profile: reads the JSON of `jfr print --json --events ...` on standard input and prints
one line of key=value figures (ANSWERED, the number of answered requests, is the first argument).

- samples: Java execution samples of the request threads, and the share whose top paperlens frame
  is in each part of a search (query encoding, keyword, vectors, snippets, count, rendering);
- alloc_mb: sampled allocation weight (jdk.ObjectAllocationSample) per answered request, in MB;
- monitor_ms / park_ms: time blocked entering monitors / parked, per answered request, and the
  classes most waited on;
- gc: young and other collections, and their pause time per answered request.
"""
import collections
import json
import sys

answered = max(1, int(sys.argv[1]))
events = json.load(sys.stdin)["recording"]["events"]


def frames(e):
    st = e["values"].get("stackTrace") or {}
    return [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in st.get("frames", []) if f.get("method")]


PARTS = [
    ("encode", ("embedQuery", "OrtSession", "Encoder.", "QueryEncoder")),
    ("snippets", ("highlight", "Highlighter", "snippet")),
    ("vectors", ("nearest", "Hnsw", "KnnVector", "VectorScorer", "knn")),
    ("count", ("count",)),
    ("keyword", ("keyword", "BulkScorer", "MaxScore", "TermQuery", "BooleanQuery", "QueryParser", "parse")),
    ("fetch", ("getAll", "StoredFields", "storedFields", ".get(")),
    ("render", ("Templates", "jte", "render", "SharedPage", "View")),
    ("http", ("jetty", "javalin")),
]


def part(fs):
    for name, keys in PARTS:
        for f in fs:
            if any(k in f for k in keys):
                return name
    return "other"


samples = collections.Counter()
threads = collections.Counter()
alloc = 0
alloc_by = collections.Counter()
monitor = 0.0
monitor_by = collections.Counter()
park = 0.0
park_by = collections.Counter()
gc = collections.Counter()
gc_ms = collections.Counter()


def dur_ms(e):
    d = e["values"].get("duration")
    if isinstance(d, (int, float)):
        return d / 1e6
    if isinstance(d, str) and d.startswith("PT"):
        s = d[2:]
        total = 0.0
        num = ""
        for ch in s:
            if ch.isdigit() or ch == ".":
                num += ch
            else:
                total += float(num) * {"H": 3600, "M": 60, "S": 1}[ch]
                num = ""
        return total * 1000
    return 0.0


def thread_name(e):
    t = e["values"].get("sampledThread") or e["values"].get("eventThread") or {}
    return (t.get("javaName") or t.get("osName") or "?")


def group(name):
    return name.rstrip("0123456789-# ")


for e in events:
    t = e["type"]
    if t == "jdk.ExecutionSample":
        name = thread_name(e)
        threads[group(name)] += 1
        if name.startswith("paperlens-web"):
            samples[part(frames(e))] += 1
    elif t == "jdk.ObjectAllocationSample":
        w = e["values"].get("weight", 0)
        alloc += w
        fs = frames(e)
        top = next((f for f in fs if "paperlens" in f), fs[0] if fs else "?")
        alloc_by[top] += w
    elif t == "jdk.JavaMonitorEnter":
        d = dur_ms(e)
        monitor += d
        mc = (e["values"].get("monitorClass") or {}).get("name", "?")
        monitor_by[mc] += d
    elif t == "jdk.ThreadPark":
        d = dur_ms(e)
        park += d
        pc = (e["values"].get("parkedClass") or {}).get("name", "?")
        park_by[pc + "@" + group(thread_name(e))] += d
    elif t == "jdk.GarbageCollection":
        name = e["values"].get("name", "?")
        gc[name] += 1
        gc_ms[name] += (e["values"].get("sumOfPauses") and dur_ms({"values": {"duration": e["values"]["sumOfPauses"]}})) or 0


def top(counter, n=3, scale=1.0, fmt="%.2f"):
    return ";".join(("%s:" + fmt) % (k.split(".")[-1] if "." in k and "@" not in k else k, v * scale) for k, v in counter.most_common(n))


web = sum(samples.values()) or 1
print("jfr: answered=%d web_samples=%d parts=%s thread_samples=%s alloc_mb=%.2f alloc_top=%s monitor_ms=%.3f monitor_top=%s"
      " park_ms=%.2f park_top=%s gc=%s gc_pause_ms=%.3f" % (
          answered, web, ";".join("%s:%.0f%%" % (k, 100.0 * v / web) for k, v in samples.most_common()),
          top(threads, 5, 1.0, "%d"), alloc / 1e6 / answered, top(alloc_by, 3, 1e-6 / answered),
          monitor / answered, top(monitor_by, 3, 1.0 / answered, "%.3f"), park / answered, top(park_by, 3, 1.0 / answered),
          ";".join("%s:%d" % kv for kv in gc.items()), sum(gc_ms.values()) / answered))
