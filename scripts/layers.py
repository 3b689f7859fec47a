#!/usr/bin/env python3
"""File-level dependency check of the two library crates, run from the repository root:

    python3 scripts/layers.py [--graph]

Reads every `crate::...` and `super::...` path of `macros/src` and `runtime/src` (in `use`
items and in code; test modules left out), resolves each to the file that defines the item
(following a facade's `pub use child::Item` re-exports to the child), and fails when:

- two or more files import each other, directly or through others (a cycle);
- a file imports an item defined in a facade (`lib.rs` or a `mod.rs`): a facade holds module
  declarations, re-exports and docs, so every arrow into it would run "up".

`--graph` prints every arrow. Exit status 1 on a failure, with each one named.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRATES = [ROOT / "macros" / "src", ROOT / "runtime" / "src"]

USE = re.compile(r"\b(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", re.S)
INLINE = re.compile(r"\b((?:crate|super)(?:::(?:\w+|\{)))")
PATH_ATTR = re.compile(r'#\[path\s*=\s*"([^"]+)"\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;')
MOD = re.compile(r"^\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;", re.M)
DEFINES = re.compile(
    r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:unsafe\s+)?(?:const\s+)?(?:fn|struct|enum|trait|type|const|static|macro_rules!|union)\s+(\w+)",
    re.M,
)


def strip(text):
    """The text without comments, string literals and test modules."""
    # One pass, left to right, so that `//` inside a string (a URL) is not a comment and a `"`
    # inside a comment does not open a string.
    token = re.compile(
        r"//[^\n]*"  # line comment
        r"|/\*.*?\*/"  # block comment
        r"|'(?:\\.|[^'\\])'"  # char literal, such as '"'
        r'|r(#*)"(?:.|\n)*?"\1'  # raw string
        r'|"(?:\\.|[^"\\])*"',  # string
        re.S,
    )

    def blank(match):
        found = match.group(0)
        if found.startswith("/"):
            return ""
        return "' '" if found.startswith("'") else '""'

    text = token.sub(blank, text)
    match = re.search(r"#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*mod\s+\w+\s*\{", text)
    if match:
        text = text[: match.start()]
    return text


def expand_tree(tree):
    """`a::{b, c::{d, e}}` as the paths `a::b`, `a::c::d`, `a::c::e` (renames and globs kept)."""
    tree = re.sub(r"\s+as\s+\w+", "", tree)  # `Write as _`, `entry as __api_entry`
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix, text):
        depth, start, parts = 0, 0, []
        for i, ch in enumerate(text):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                parts.append(text[start:i])
                start = i + 1
        parts.append(text[start:])
        for part in filter(None, parts):
            brace = part.find("{")
            if brace >= 0 and part.endswith("}"):
                walk(prefix + part[:brace], part[brace + 1 : -1])
            else:
                out.append(prefix + part)

    walk("", tree)
    return out


class Crate:
    def __init__(self, src):
        self.src = src
        self.modules = {}  # module path tuple -> file
        self.load((), src / "lib.rs")

    def load(self, path, file):
        self.modules[path] = file
        raw = file.read_text()
        text = strip(raw)
        base = file.parent if file.name in ("lib.rs", "mod.rs") else file.parent / file.stem
        declared = {}
        for target, name in PATH_ATTR.findall(re.sub(r"//[^\n]*", "", raw)):
            declared[name] = file.parent / target
        for name in MOD.findall(text):
            if name in declared:
                continue
            for candidate in (base / f"{name}.rs", base / name / "mod.rs"):
                if candidate.exists():
                    declared[name] = candidate
                    break
        for name, child in declared.items():
            self.load(path + (name,), child)

    def module_of(self, file):
        return next(p for p, f in self.modules.items() if f == file)

    def is_facade(self, file):
        return file.name in ("lib.rs", "mod.rs")

    def reexports(self, module):
        """A facade's `pub use` names: name -> absolute path of what it re-exports."""
        file = self.modules[module]
        names = {}
        text = strip(file.read_text())
        for match in re.finditer(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);", text):
            for path in expand_tree(match.group(1)):
                segments = self.absolute(module, path.split("::"))
                name = path.split("::")[-1]
                # Another crate's item (`pub use http::StatusCode`): no file of this crate.
                names[name] = segments if segments else None
        return names

    def absolute(self, module, segments):
        """`segments` (as written in `module`) as a path from the crate root, or None."""
        if not segments or segments[0] == "":
            return None  # `::dep::...`: another crate
        if segments[0] == "crate":
            return segments[1:]
        if segments[0] == "super":
            here = list(module)
            while segments and segments[0] == "super":
                if not here:
                    return None
                here.pop()
                segments = segments[1:]
            return here + segments
        if segments[0] == "self":
            return list(module) + segments[1:]
        if tuple(module) + (segments[0],) in self.modules:
            return list(module) + segments
        return None

    def resolve(self, segments, seen=()):
        """The file that defines the item at `segments` (a path from the crate root)."""
        depth = 0
        while depth < len(segments) and tuple(segments[: depth + 1]) in self.modules:
            depth += 1
        module = tuple(segments[:depth])
        file = self.modules[module]
        rest = segments[depth:]
        if not rest or not self.is_facade(file) or (module, rest[0]) in seen:
            return file
        exports = self.reexports(module)
        if rest[0] in exports and exports[rest[0]] is None:
            return None
        exported = exports.get(rest[0])
        if exported is not None and exported != segments[: len(exported)]:
            return self.resolve(exported + rest[1:], seen + ((module, rest[0]),))
        return file

    def arrows(self):
        """(from file, to file, name) for every path that leaves its file."""
        found = set()
        for module, file in self.modules.items():
            text = strip(file.read_text())
            facade = self.is_facade(file)
            paths = []
            for match in USE.finditer(text):
                # A facade's re-exports are its doors, not arrows.
                if facade and match.group(0).lstrip().startswith("pub"):
                    continue
                paths += expand_tree(match.group(1))
            # A module imported by name (`use crate::attr::{self}`, `use super::http;`): its
            # items are reached as `attr::Field` in the code, each an arrow of its own.
            aliases = {}
            for path in list(paths):
                parts = path.split("::")
                if parts[-1] == "self":
                    parts = parts[:-1]
                segments = self.absolute(module, parts)
                if segments and tuple(segments) in self.modules:
                    aliases[parts[-1]] = segments
                    paths.remove(path)
            body = USE.sub("", text)
            for alias, segments in aliases.items():
                for match in re.finditer(r"(?<![\w:])" + alias + r"::(\w+)", body):
                    paths.append("crate::" + "::".join(segments + [match.group(1)]))
            # `$crate::...` in a macro names the crate's root exports wherever it expands: not
            # an arrow of this file.
            for match in re.finditer(r"(?<!\$)\b(?:crate|super)(?:::\w+)+", body):
                paths.append(match.group(0))
            for path in paths:
                segments = self.absolute(module, path.split("::"))
                if segments is None or not segments or segments[-1] == "*" and len(segments) == 1:
                    continue
                segments = [s for s in segments if s != "*"]
                target = self.resolve(segments)
                if target is not None and target != file:
                    found.add((file, target, segments[-1] if segments else ""))
        return found


# The rooms of each crate from the top floor down (ARCHITECTURE.md draws them): a file may
# import from its own room or from a room below, never from one above. A room is a folder or a
# file, named from the crate's `src`; the first prefix that matches a file is its room.
ROOMS = {
    "macros": [
        (5, ["lib.rs"]),
        (4, ["expand/", "valid.rs", "fallback.rs"]),
        (3, ["model/"]),
        (2, ["attr/"]),
        (1, ["http.rs", "case.rs", "detail.rs", "diag.rs", "retry.rs", "types.rs", "grpc.rs"]),
    ],
    "runtime": [
        (9, ["lib.rs"]),
        (8, ["private.rs", "integrations/"]),
        (7, ["docs/", "client/"]),
        (6, ["service/"]),
        (5, ["response.rs"]),
        (4, ["envelope/", "catalog.rs"]),
        (3, ["remote.rs", "tree.rs"]),
        (2, ["error.rs", "entry/", "envelope/contract.rs", "envelope/output.rs", "fields.rs", "violations/", "detail/", "context.rs", "json.rs"]),
        (1, ["render_error.rs", "retry.rs", "codes.rs", "status.rs", "grpc.rs"]),
    ],
}

# The one cycle the types themselves make: an `Entry` holds the envelope its type declares, an
# envelope renders an `ApiError` into an `Output`, and an `ApiError` gives its `Entry`. These
# files hold that contract between them; no other file may join the cycle.
CONTRACT = {
    "runtime/src/entry/model.rs",
    "runtime/src/entry/parts.rs",
    "runtime/src/envelope/contract.rs",
    "runtime/src/envelope/output.rs",
    "runtime/src/error.rs",
}


def rank(crate_name, relative):
    """The floor of the room `relative` is in (the longest prefix that names it), or None."""
    best = None
    for level, prefixes in ROOMS[crate_name]:
        for prefix in prefixes:
            if relative == prefix or (prefix.endswith("/") and relative.startswith(prefix)):
                if best is None or len(prefix) > best[1]:
                    best = (level, len(prefix))
    return None if best is None else best[0]


def cycles(edges):
    """Strongly connected components of more than one file (Tarjan)."""
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


MAX_LINES = 500


def check(crates):
    """Every failure of `crates` (their `src` folders), as lines to print."""
    failures = []
    for src in crates:
        for file in sorted(src.rglob("*.rs")):
            lines = file.read_text().count("\n")
            if lines > MAX_LINES:
                failures.append(f"{rel(file)} has {lines} lines, over {MAX_LINES}: split it by concern")
        crate = Crate(src)
        arrows = crate.arrows()
        if "--graph" in sys.argv:
            for a, b, name in sorted(arrows):
                print(f"{rel(a)} -> {rel(b)}: {name}")
        for a, b, name in sorted(arrows):
            if crate.is_facade(b):
                failures.append(f"{rel(a)} imports `{name}` from the facade {rel(b)}: move the item into a file of its own")
        name = src.parent.name
        for a, b, what in sorted(arrows):
            ra, rb = rank(name, str(a.relative_to(src))), rank(name, str(b.relative_to(src)))
            if ra is None or rb is None:
                failures.append(f"{rel(a if ra is None else b)} is in no room of scripts/layers.py: add it to ROOMS and ARCHITECTURE.md")
            elif rb > ra:
                failures.append(f"{rel(a)} imports `{what}` from {rel(b)}, a room above it")
        for component in cycles({(a, b) for a, b, _ in arrows}):
            if {rel(f) for f in component} <= CONTRACT:
                continue
            ties = sorted({f"{rel(a)} -> {rel(b)} ({name})" for a, b, name in arrows if a in component and b in component})
            failures.append("cycle: " + ", ".join(rel(f) for f in component) + "\n    " + "\n    ".join(ties))
    return list(dict.fromkeys(failures))


def rel(file):
    try:
        return str(file.relative_to(ROOT))
    except ValueError:
        return str(file)


def self_test():
    """The check fails on what it must fail on: a cycle, an import into a facade, an arrow up."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "runtime" / "src"
        (src / "envelope").mkdir(parents=True)
        files = {
            "lib.rs": "mod retry;\nmod codes;\npub mod envelope;\npub struct Root;\n",
            "retry.rs": "use crate::codes::Reason;\nuse crate::envelope::Problem;\npub struct Retry;\n",
            "codes.rs": "use crate::retry::Retry;\nuse crate::Root;\npub struct Reason;\n",
            # A `//` inside a string (a URL) is no comment: the re-export after it still counts.
            "envelope/mod.rs": '#![doc = "https://example.com/"]\nmod problem;\npub use problem::Problem;\npub const X: &str = "x";\n',
            "envelope/problem.rs": "use crate::retry::Retry;\npub struct Problem;\n",
        }
        for name, text in files.items():
            (src / name).write_text(text)
        found = "\n".join(check([src]))
        expected = [
            "runtime/src/codes.rs imports `Root` from the facade runtime/src/lib.rs",
            "runtime/src/retry.rs imports `Problem` from runtime/src/envelope/problem.rs, a room above it",
            "cycle: runtime/src/codes.rs, runtime/src/envelope/problem.rs, runtime/src/retry.rs",
            "runtime/src/retry.rs -> runtime/src/codes.rs (Reason)",
        ]
        missing = [e for e in expected if e not in found.replace(tmp + "/", "")]
        if missing:
            print("self-test: the check missed\n  " + "\n  ".join(missing) + "\nit found:\n" + found)
            return 1
    print("layers self-test: cycles, facade imports and arrows up are caught")
    return 0


def main():
    if "--self-test" in sys.argv:
        return self_test()
    failures = check(CRATES)
    for failure in failures:
        print(failure)
    if failures:
        print(f"{len(failures)} layering failure(s); see ARCHITECTURE.md")
        return 1
    print("layers: no cycle, no arrow up, no import into a facade, no file over 500 lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
