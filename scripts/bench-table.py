#!/usr/bin/env python3
"""Prints the Markdown tables of BENCHMARKS.md from the last `cargo bench` run:
median and min-max time per operation (from criterion's samples in target/criterion), the ratio
to the baseline measured in the same run, and allocations per operation (written by the bench).

    cargo bench -p apierror-benches && python3 scripts/bench-table.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"

# (group, baseline) per table; the lookup group compares each `X/derived` with `X/hand`.
GROUPS = [("lookup", None), ("render", "serde floor"), ("response", "hand-written"), ("decode", "serde struct")]

# Ratios printed under a table: (group, case, against).
AGAINST = [("render", "apierror RFC 9457", "hand-written floor")]


def load():
    results = {}
    for bench in ROOT.glob("**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        directory = bench.parent
        estimates = json.loads((directory / "estimates.json").read_text())
        sample = json.loads((directory / "sample.json").read_text())
        per_iter = [t / n for t, n in zip(sample["times"], sample["iters"])]
        name = meta["function_id"]
        if meta.get("value_str"):
            name = "%s/%s" % (name, meta["value_str"])
        results[(meta["group_id"], name)] = (estimates["median"]["point_estimate"], min(per_iter), max(per_iter))
    return results


def main():
    results = load()
    allocations_file = ROOT / "allocations.json"
    allocations = json.loads(allocations_file.read_text()) if allocations_file.exists() else {}
    for group, baseline in GROUPS:
        rows = sorted((name, value) for (g, name), value in results.items() if g == group)
        if not rows:
            continue
        print("| %s | median (ns) | min-max (ns) | ratio | allocations |" % group)
        print("|---|---|---|---|---|")
        for name, (median, low, high) in rows:
            if baseline is None:
                base_name = name.rsplit("/", 1)[0] + "/hand"
            else:
                base_name = baseline
            base = results.get((group, base_name))
            ratio = "%.2fx %s" % (median / base[0], "(baseline)" if base_name == name else "") if base else "-"
            allocs = allocations.get("%s/%s" % (group, name), "-")
            print("| %s | %.1f | %.1f-%.1f | %s | %s |" % (name, median, low, high, ratio.strip(), allocs))
        print()
        for g, case, against in AGAINST:
            if g == group and (g, case) in results and (g, against) in results:
                print("%s against %s: %.2fx" % (case, against, results[(g, case)][0] / results[(g, against)][0]))
                print()


if __name__ == "__main__":
    main()
