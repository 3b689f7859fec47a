#!/usr/bin/env python3
"""Checks the declared MSRV (`rust-version` in the workspace manifest).

With that toolchain installed (`rustup toolchain list`), builds the runtime with it, default
features and all features. Without it (this machine's rustup can fetch no other toolchain), it
checks what can be checked with the one at hand, and says so:
- every crate a user's build can pull in (any feature on) declares a `rust-version` no newer than
  ours (`cargo metadata`);
- the workspace's own code uses no standard-library API newer than ours: clippy's
  `incompatible_msrv` lint reads `rust-version` and runs in `.ci/run` under `-D warnings`.
"""

import json
import pathlib
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def version(text):
    parts = [int(part) for part in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    msrv = tomllib.loads((ROOT / "Cargo.toml").read_text())["workspace"]["package"]["rust-version"]
    toolchains = subprocess.run(["rustup", "toolchain", "list"], capture_output=True, text=True).stdout
    if any(line.startswith(msrv) for line in toolchains.splitlines()):
        for flags in ([], ["--all-features"]):
            cmd = ["cargo", f"+{msrv}", "check", "-p", "apierror", *flags]
            print("   $", " ".join(cmd), flush=True)
            if subprocess.run(cmd, cwd=ROOT).returncode != 0:
                return 1
        print(f"msrv {msrv}: the runtime builds with Rust {msrv}")
        return 0
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--all-features", "--locked"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout
    )
    members = set(meta["workspace_members"])
    resolved = {node["id"] for node in meta["resolve"]["nodes"]}
    newer = []
    runtime_deps = 0
    for package in meta["packages"]:
        if package["id"] in members or package["id"] not in resolved:
            continue
        runtime_deps += 1
        declared = package.get("rust_version")
        if declared and version(declared) > version(msrv):
            newer.append(f"{package['name']} {package['version']} needs Rust {declared}")
    if newer:
        print(f"msrv {msrv}: dependencies need a newer Rust:\n  " + "\n  ".join(sorted(newer)))
        return 1
    print(
        f"msrv {msrv}: Rust {msrv} is not installed here (rustup fetches no other toolchain), so"
        f" it is checked without it: the {runtime_deps} crates of the workspace's resolution"
        f" (every feature on) declare rust-version {msrv} or older, and clippy's incompatible_msrv"
        " lint (in .ci/run) checks our own use of the standard library"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
