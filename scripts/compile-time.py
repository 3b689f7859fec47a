#!/usr/bin/env python3
"""Compile-time benchmark of #[derive(ApiError)], run from the repository root:

    python3 scripts/compile-time.py [--quick]

1. Touch-and-rebuild: a crate with one generated enum of 500 or 2000 variants (a third unit, two
   thirds with 2-3 named fields), with #[derive(ApiError)], #[derive(thiserror::Error)] or no
   derive, incremental compilation on and off. The crate is built once, then its source is
   touched and rebuilt three times; the median of the three is reported.
2. Clean build (a user's first build): a crate that depends on apierror (its whole tree, with
   and without the default `docs` feature), on thiserror + serde (with its derive) + serde_json + http (what a service
   writing its errors by hand depends on), on thiserror alone, or on syn 3 alone (with the
   features apierror-macros uses), built from an empty target directory three times; the median
   is reported.

Prints Markdown tables. --quick runs only the 500-variant case and one clean build each.
"""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "compile-time"
QUICK = "--quick" in sys.argv


def run(cmd, cwd, env=None):
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(cmd, cwd, env=None):
    start = time.perf_counter()
    run(cmd, cwd, env)
    return time.perf_counter() - start


def project(name, dependencies, source):
    path = WORK / name
    (path / "src").mkdir(parents=True, exist_ok=True)
    (path / "Cargo.toml").write_text(
        '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        "[dependencies]\n%s\n\n[workspace]\n" % (name, dependencies)
    )
    (path / "src" / "lib.rs").write_text(source)
    return path


def touch_rebuild(sizes):
    deps = 'apierror = { path = "%s" }\nthiserror = "2"' % (ROOT / "runtime")
    rows = []
    for n in sizes:
        for derive in ["none", "thiserror", "apierror"]:
            source = subprocess.run(
                [sys.executable, str(ROOT / "scripts" / "gen_catalog.py"), "compile", str(n), derive],
                check=True, capture_output=True, text=True,
            ).stdout
            path = project("ct_%s_%d" % (derive, n), deps, source)
            cells = []
            for incremental in ["1", "0"]:
                env = dict(os.environ, CARGO_INCREMENTAL=incremental)
                run(["cargo", "build", "-q"], path, env)
                times = []
                for i in range(3):
                    with open(path / "src" / "lib.rs", "a") as f:
                        f.write("// touch %s %d\n" % (incremental, i))
                    times.append(timed(["cargo", "build", "-q"], path, env))
                cells.append(statistics.median(times))
            rows.append((n, derive, cells[0], cells[1]))
            print("  %d variants, %s: incremental %.2f s, non-incremental %.2f s" % (n, derive, cells[0], cells[1]), file=sys.stderr)
    return rows


def clean_builds():
    cases = [
        ("syn 3 alone", 'syn = { version = "3", default-features = false, features = ["derive", "parsing", "printing", "clone-impls", "proc-macro"] }'),
        ("thiserror", 'thiserror = "2"'),
        ("thiserror + serde + serde_json + http", 'thiserror = "2"\nserde = { version = "1", features = ["derive"] }\nserde_json = "1"\nhttp = "1"'),
        ("apierror", 'apierror = { path = "%s" }' % (ROOT / "runtime")),
        ("apierror without docs", 'apierror = { path = "%s", default-features = false }' % (ROOT / "runtime")),
    ]
    rows = []
    for name, deps in cases:
        path = project("clean_" + "_".join(name.replace("+", "").split()), deps, "")
        times = []
        for _ in range(1 if QUICK else 3):
            shutil.rmtree(path / "target", ignore_errors=True)
            times.append(timed(["cargo", "build", "-q"], path, dict(os.environ, CARGO_INCREMENTAL="0")))
        rows.append((name, statistics.median(times)))
        print("  clean build, %s: %.1f s" % (name, rows[-1][1]), file=sys.stderr)
    return rows


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    rebuild = touch_rebuild([500] if QUICK else [500, 2000])
    print("| variants | derive | touch-and-rebuild, incremental (s) | non-incremental (s) | vs thiserror (incremental / non-incremental) |")
    print("|---|---|---|---|---|")
    for n, derive, inc, noninc in rebuild:
        base = next(r for r in rebuild if r[0] == n and r[1] == "thiserror")
        print("| %d | %s | %.2f | %.2f | %.2fx / %.2fx |" % (n, derive, inc, noninc, inc / base[2], noninc / base[3]))
    print()
    clean = clean_builds()
    syn = clean[0][1]
    print("| clean build of | median (s) | vs syn 3 alone |")
    print("|---|---|---|")
    for name, seconds in clean:
        print("| %s | %.1f | %.2fx |" % (name, seconds, seconds / syn))


if __name__ == "__main__":
    main()
