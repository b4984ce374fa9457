#!/usr/bin/env python3
"""Turns the JSON files of scripts/bench_all.sh into the Markdown tables of docs/BENCHMARKS.md."""
import json
import math
import sys
from pathlib import Path

out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/bench-results")


def load(name):
    path = out / name
    return json.loads(path.read_text()) if path.exists() and path.stat().st_size else None


print("```\n" + (out / "machine.txt").read_text().strip() + "\n```\n")

interp = load("interpreter.json")
if interp:
    print("| test | gas | median µs | Mgas/s |\n|---|---:|---:|---:|")
    for r in interp["results"]:
        name = r["name"].replace("|", "\\|")
        print(f"| {name} | {r['gas']:,} | {r['median_us']:.1f} | {r['mgas_per_s']:.0f} |")
    print()

replay = load("replay.json")
if replay:
    blocks = replay["blocks"]
    gas = sum(b["gas"] for b in blocks)
    exec_ms = sum(b["exec_ms"] for b in blocks)
    load_ms = sum(b["load_ms"] for b in blocks)
    print(f"Sequential: {len(blocks)} blocks, {gas:,} gas, execution {exec_ms:.1f} ms "
          f"=> **{gas / exec_ms / 1e6:.3f} Ggas/s**; loading the snapshots (JSON) {load_ms:.0f} ms.\n")
    print("| slowest blocks | fork | txs | gas | exec ms | Mgas/s |\n|---|---|---:|---:|---:|---:|")
    for b in sorted(blocks, key=lambda b: -b["exec_ms"])[:5]:
        print(f"| {b['number']} | {b['fork']} | {b['txs']} | {b['gas']:,} | {b['exec_ms']:.1f} | "
              f"{b['gas'] / b['exec_ms'] / 1e3:.0f} |")
    print()


def table(doc, title):
    print(f"**{title}**: geometric-mean speedup {doc['geomean_speedup']:.2f}x, "
          f"slowest {doc['min_speedup']:.2f}x\n")
    print("| name | txs | gas | threads | seq ms | par ms | speedup | re-exec | identical | ideal | measured/ideal "
          "| ideal at 4/8/16/32/64 |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|")
    for r in doc["results"]:
        ideal = r["ideal_speedup_at"]
        at = " / ".join(f"{ideal[k]:.1f}" for k in ("4", "8", "16", "32", "64"))
        print(f"| {r['name']} | {r['txs']} | {r['gas']:,} | {r['threads']} | {r['sequential_ms']:.2f} | "
              f"{r['parallel_ms']:.2f} | {r['speedup']:.2f} | {r['reexecutions']} | {r['identical']} | "
              f"{r['ideal_speedup']:.2f} | {r['measured_over_ideal']:.2f} | {at} |")
    print()


# Automatic mode (as a user runs it), then every block forced through the engine, then pinned,
# then through the optimistic round.
for prefix, label in (("", ""), ("engine-", " (--every-block)"), ("pinned-", " (--pin)"),
                      ("optimistic-", " (--optimistic)")):
    for name in ("raw", "erc20", "amm", "nft", "game", "mixed", "uniswap3", "erc20-oz", "blocks"):
        doc = load(f"{prefix}{name}.json")
        if doc:
            table(doc, name + label)


def two_threads(doc):
    return {r["name"]: r for r in doc["results"]} if doc else {}


def geomean(values):
    values = [v for v in values if v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else 0.0


# Mainnet blocks side by side: automatic mode, pinned, engine forced, ideal.
auto, pinned, engine = (load(f"{p}blocks.json") for p in ("", "pinned-", "engine-"))
if auto:
    threads = max(r["threads"] for r in auto["results"])
    at = lambda doc: {r["name"]: r for r in doc["results"] if r["threads"] == threads} if doc else {}
    a, p, e = at(auto), at(pinned), at(engine)
    print(f"### Mainnet blocks, {threads} threads\n")
    print("| block | txs | gas | seq ms | automatic ms | speedup | mode (probe's prediction) | `--pin` "
          "| engine ms | engine speedup | engine re-exec | ideal | ideal 4/8/16/32/64 |\n"
          "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|")
    for name, r in a.items():
        pin = f"{p[name]['speedup']:.2f}" if name in p else "-"
        eng = e.get(name)
        ideal = (eng or r)["ideal_speedup_at"]
        at_more = " / ".join(f"{ideal[k]:.1f}" for k in ("4", "8", "16", "32", "64"))
        mode = r.get("mode", "")
        if r.get("probe_prediction", 0) > 0:
            mode += f" ({r['probe_prediction']:.2f})"
        print(f"| {name} | {r['txs']} | {r['gas']:,} | {r['sequential_ms']:.2f} | {r['parallel_ms']:.2f} | "
              f"{r['speedup']:.2f} | {mode} | {pin} | {eng['parallel_ms'] if eng else 0:.2f} | "
              f"{eng['speedup'] if eng else 0:.2f} | {eng['reexecutions'] if eng else 0} | "
              f"{(eng or r)['ideal_speedup']:.2f} | {at_more} |")
    with_txs = [n for n, r in a.items() if r["txs"] > 0]
    print()
    print(f"- automatic: geometric mean {geomean([a[n]['speedup'] for n in with_txs]):.3f}x, slowest "
          f"{min(a[n]['speedup'] for n in with_txs):.2f}x; below 0.98x: "
          + (", ".join(f"{n} ({a[n]['speedup']:.3f}x, {a[n]['sequential_ms'] * 1000:.0f} µs)"
                       for n in with_txs if a[n]['speedup'] < 0.98) or "none"))
    if p:
        print(f"- --pin: geometric mean {geomean([p[n]['speedup'] for n in with_txs if n in p]):.3f}x")
    if e:
        print(f"- engine (--every-block): geometric mean {geomean([e[n]['speedup'] for n in with_txs]):.3f}x; "
              f"where it beats in-order execution by 5% or more ({sum(e[n]['speedup'] >= 1.05 for n in with_txs)} "
              f"blocks) the automatic mode reaches "
              f"{geomean([a[n]['speedup'] for n in with_txs if e[n]['speedup'] >= 1.05]):.3f}x of the engine's "
              f"{geomean([e[n]['speedup'] for n in with_txs if e[n]['speedup'] >= 1.05]):.3f}x")
        for t in ("2", "4", "8", "16"):
            print(f"- ideal at {t} threads (engine's measured times and dependencies): geometric mean "
                  f"{geomean([e[n]['ideal_speedup_at'][t] for n in with_txs]):.2f}x")
    print()


# Conflict reports (--conflicts): per workload its costliest location; over the mainnet blocks
# the locations whose waits add up to the most critical-path time.
def short(address):
    return address[:10] + "…" + address[-4:]


rows = []
for name in ("raw", "erc20", "amm", "nft", "game", "mixed", "uniswap3", "erc20-oz"):
    doc = load(f"{name}.json")
    for c in (doc or {}).get("conflicts", []):
        rows.append((name, c))
if rows:
    print("### Where the workloads conflict (`--conflicts`)\n")
    print("| workload | txs | dependent txs | critical path ms / total ms | ideal on 16 threads | costliest location "
          "| deps | critical-path ms | ideal on 16 without it |\n|---|---:|---:|---:|---:|---|---:|---:|---:|")
    for name, c in rows:
        top = c["locations"][0] if c["locations"] else None
        loc = "-"
        if top:
            loc = f"{short(top['address'])} {top['location'][:26]}"
            if "contract" in top:
                loc += f" ({top['contract']})"
        print(f"| {name} | {c['transactions']} | {c['dependent_transactions']} | "
              f"{c['critical_path_ms']:.2f} / {c['total_ms']:.2f} | {c.get('ideal_speedup', 0):.2f} | {loc} | "
              f"{top['dependencies'] if top else 0} | {top['critical_path_ms'] if top else 0:.2f} | "
              f"{top.get('ideal_speedup_without', 0) if top else 0:.2f} |")
    print()
blocks = load("blocks.json")
if blocks and blocks.get("conflicts"):
    total = {}
    for c in blocks["conflicts"]:
        for l in c["locations"]:
            key = (l["address"], l["location"])
            t = total.setdefault(key, [0.0, 0, 0, []])
            t[0] += l["critical_path_ms"]
            t[1] += l["dependencies"]
            t[2] += 1
            if c.get("ideal_speedup", 0) > 0:
                t[3].append(l.get("ideal_speedup_without", 0) / c["ideal_speedup"])
    print("### Where the mainnet blocks conflict (`--conflicts 5`, summed over the blocks)\n")
    print("Ideal on 16 threads without it: the geometric mean, over the blocks that list the location, of the "
          "block's ideal speedup on 16 threads without that location's dependencies over its ideal as it is.\n")
    print("| address | location | critical-path ms | dependencies | blocks | ideal on 16 threads without it |\n"
          "|---|---|---:|---:|---:|---:|")
    for (address, location), (ms, deps, n, gains) in sorted(total.items(), key=lambda kv: -kv[1][0])[:10]:
        print(f"| {address} | {location[:30]} | {ms:.2f} | {deps} | {n} | {geomean(gains):.2f}x |")
    print()
