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


# Automatic mode (as a user runs it), then every block forced through the engine, then pinned.
for prefix, label in (("", ""), ("engine-", " (--every-block)"), ("pinned-", " (--pin)")):
    for name in ("raw", "erc20", "amm", "nft", "game", "mixed", "uniswap3", "erc20-oz", "blocks"):
        doc = load(f"{prefix}{name}.json")
        if doc:
            table(doc, name + label)
