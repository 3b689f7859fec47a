#!/usr/bin/env python3
"""Build, lint and test the runtime as users build it: with no features at all, and with each
feature of `runtime/Cargo.toml` on its own (read from the manifest, so a new feature is in the
matrix the day it is added). `.ci/run` runs it; any failure fails the run.

    python3 scripts/feature-matrix.py            # clippy -D warnings and the crate's tests
    python3 scripts/feature-matrix.py --list     # the feature sets, one per line
"""

import pathlib
import subprocess
import sys
import time
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def feature_sets():
    manifest = tomllib.loads((ROOT / "runtime" / "Cargo.toml").read_text())
    features = sorted(name for name in manifest["features"] if name != "default")
    return [[]] + [[name] for name in features]


def run(args):
    print("   $", " ".join(args), flush=True)
    return subprocess.run(args, cwd=ROOT).returncode == 0


def main():
    sets = feature_sets()
    if "--list" in sys.argv:
        for features in sets:
            print(",".join(features) or "(none)")
        return 0
    failed = []
    for features in sets:
        name = ",".join(features) or "(none)"
        flags = ["--no-default-features"] + (["--features", ",".join(features)] if features else [])
        start = time.monotonic()
        ok = run(["cargo", "clippy", "-q", "-p", "apierror", "--all-targets", *flags, "--", "-D", "warnings"])
        ok = ok and run(["cargo", "test", "-q", "-p", "apierror", *flags])
        print(f"feature set {name}: {'ok' if ok else 'FAILED'} in {time.monotonic() - start:.0f} s", flush=True)
        if not ok:
            failed.append(name)
    if failed:
        print("feature sets that fail:", ", ".join(failed))
        return 1
    print(f"all {len(sets)} feature sets build, lint clean and pass their tests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
