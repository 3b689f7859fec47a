#!/usr/bin/env python3
"""The example service's OpenAPI document, checked with the tools users run on it.

Installs each tool at a pinned version from its registry into a cache (npm: Spectral,
openapi-typescript, TypeScript; PyPI: openapi-python-client, httpx for the generated client),
starts the example service on 127.0.0.1, and checks:

- Spectral (`spectral:oas`): no error and no warning on the served document;
- openapi-typescript + `tsc --strict`: a file that narrows every operation's error on its code and
  reads each code's own member compiles; files that read a member of another status's code, or
  compare with a code the operation does not return, fail to compile (each is checked);
- openapi-python-client: a generated client calls the live service for each error it can be made
  to answer, and gets the typed model of that code;
- Schemathesis with all its checks against the live service, fixed seed: no failure (on the two
  operations that answer 5xx on purpose, all checks but `not_a_server_error`).

    python3 scripts/openapi-clients.py          # `.ci/run` runs it
    APIERROR_TOOLS=~/.cache/x python3 ...       # the cache (default ~/.cache/apierror-tools)

Outside CI (no `CI` in the environment), a machine without node/npm skips with a message; in CI
a missing tool fails the run.
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
CACHE = pathlib.Path(os.environ.get("APIERROR_TOOLS", pathlib.Path.home() / ".cache" / "apierror-tools"))
NPM = {"@stoplight/spectral-cli": "6.16.3", "openapi-typescript": "7.13.0", "typescript": "5.9.3"}
PYPI = [
    "openapi-python-client==0.29.1",
    "httpx==0.28.1",
    "attrs==25.4.0",
    "python-dateutil==2.9.0.post0",
    "schemathesis==4.32.5",
]
# The example's operations that fail on the server's side on purpose (a crash, an engine warming
# up): Schemathesis's `not_a_server_error` check cannot pass there, every other check runs.
FAILING_ON_PURPOSE = ["/v1/crash", "/v1/score/warm"]


def run(args, cwd=None, check=True, env=None):
    print("   $", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.stdout.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(str(a) for a in args)}")
    return result


def install():
    npm_dir = CACHE / "npm"
    npm_dir.mkdir(parents=True, exist_ok=True)
    package = {"name": "apierror-tools", "private": True, "dependencies": NPM}
    if not (npm_dir / "package.json").exists() or json.loads((npm_dir / "package.json").read_text()) != package:
        (npm_dir / "package.json").write_text(json.dumps(package, indent=2))
        shutil.rmtree(npm_dir / "node_modules", ignore_errors=True)
    if not (npm_dir / "node_modules" / ".bin" / "tsc").exists():
        run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=npm_dir)
    venv = CACHE / "venv"
    marker = venv / "installed.txt"
    if not marker.exists() or marker.read_text() != "\n".join(PYPI):
        shutil.rmtree(venv, ignore_errors=True)
        run([sys.executable, "-m", "venv", venv])
        run([venv / "bin" / "pip", "install", "-q", *PYPI])
        marker.write_text("\n".join(PYPI))
    return npm_dir / "node_modules" / ".bin", venv / "bin"


def serve():
    """Starts the example service on a free port of 127.0.0.1; returns the process and its URL."""
    run(["cargo", "build", "-q", "-p", "apierror-tests", "--example", "axum_service"], cwd=ROOT)
    binary = ROOT / "target" / "debug" / "examples" / "axum_service"
    process = subprocess.Popen([binary, "0"], stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("listening on "):
            return process, line.split("listening on ", 1)[1].strip()
    process.kill()
    raise SystemExit("the example service did not start within 30 s")


def spectral(bin_dir, document, work):
    (work / ".spectral.yaml").write_text('extends: ["spectral:oas"]\n')
    result = run([bin_dir / "spectral", "lint", "--ruleset", work / ".spectral.yaml", document], check=False)
    out = result.stdout + result.stderr
    if result.returncode != 0 or "warning" in out or "error  " in out:
        sys.stdout.write(out)
        raise SystemExit("Spectral reported problems on the document")
    print("   Spectral: no errors, no warnings")


def typescript(bin_dir, document_path, document, work):
    run([bin_dir / "openapi-typescript", document_path, "-o", work / "api.d.ts"])
    schemas = document["components"]["schemas"]
    responses = document["components"]["responses"]

    def deref(value):
        while isinstance(value, dict) and "$ref" in value:
            node = document
            for part in value["$ref"].lstrip("#/").split("/"):
                node = node[part]
            value = node
        return value

    lines = ['import type { paths } from "./api";', ""]
    negatives = []
    n = 0
    for path, item in document["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status == "default" or not status.startswith(("4", "5")):
                    continue
                response = deref(response)
                for media, content in response["content"].items():
                    schema = content["schema"]
                    # Where the union is: the body (`code`), or nested (`error.code`, `errors[0].code`).
                    prefix, union = "", schema
                    if "properties" in schema and "$ref" not in schema:
                        for member in ("error", "errors"):
                            inner = schema["properties"].get(member)
                            if inner is None:
                                continue
                            union = inner.get("items", inner)
                            prefix = f".{member}[0]" if "items" in inner else f".{member}"
                            break
                    alternatives = union.get("oneOf", [union])
                    for alternative in alternatives:
                        component = deref(alternative)
                        member = union.get("discriminator", {}).get("propertyName", "code")
                        if "const" not in component["properties"][member]:
                            continue  # the generic member for codes added later
                        code = component["properties"][member]["const"]
                        own = sorted(
                            k
                            for k in component["properties"]
                            if k not in ("type", "title", "status", "detail", "instance", "resolve", "errors",
                                         "code", "message", "details", "error", "id", "links", "meta", "source")
                        )
                        n += 1
                        t = f'paths["{path}"]["{method}"]["responses"][{status}]["content"]["{media}"]'
                        read = f"e{prefix}.{own[0]}" if own else f"e{prefix}.{member}"
                        lines += [
                            f"export function check{n}(e: {t}): unknown {{",
                            f'  if (e{prefix}.{member} === "{code}") {{ return {read}; }}',
                            "  return null;",
                            "}",
                        ]
                        # Reading a member another status's code has, and comparing with a code
                        # the operation does not return, must not compile.
                        if own:
                            other = [
                                (p, m, s)
                                for p, i in document["paths"].items()
                                for m, o in i.items()
                                for s in o["responses"]
                                if s.startswith("4") and s != status and (p, m) == (path, method)
                            ]
                            for p, m, s in other[:1]:
                                media_other = next(iter(deref(document["paths"][p][m]["responses"][s])["content"]))
                                t_other = f'paths["{p}"]["{m}"]["responses"][{s}]["content"]["{media_other}"]'
                                negatives.append(
                                    (f"member {own[0]} of {code} read from {m.upper()} {p} {s}",
                                     f"export function wrong(e: {t_other}): unknown {{ return e.{own[0]}; }}")
                                )
                        negatives.append(
                            (f"a code {method.upper()} {path} {status} does not return",
                             f'export function wrong(e: {t}): boolean {{ return e{prefix}.{member} === "NO_SUCH_CODE"; }}')
                        )
    tsconfig = {"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022", "module": "es2022",
                                    "moduleResolution": "bundler", "skipLibCheck": False}}
    (work / "tsconfig.json").write_text(json.dumps(tsconfig))
    (work / "narrow.ts").write_text("\n".join(lines) + "\n")
    run([bin_dir / "tsc", "-p", work / "tsconfig.json"])
    print(f"   tsc --strict: {n} narrowings on the code compile")
    (work / "narrow.ts").unlink()
    for i, (what, text) in enumerate(negatives):
        (work / "wrong.ts").write_text('import type { paths } from "./api";\n' + text + "\n")
        result = run([bin_dir / "tsc", "-p", work / "tsconfig.json"], check=False)
        if result.returncode == 0:
            raise SystemExit(f"tsc accepted {what}:\n{text}")
        # Rejected for the reason under test: no such member (TS2339), or no overlap (TS2367).
        if "error TS2339" not in result.stdout and "error TS2367" not in result.stdout:
            raise SystemExit(f"tsc rejected {what} for another reason:\n{result.stdout}")
    (work / "wrong.ts").unlink()
    print(f"   tsc --strict: {len(negatives)} wrong uses rejected")


def added_later(document):
    """For each operation's error statuses: a body of its first code with the code renamed, where
    the code's object is, and the generic model a client generated today must read it as."""
    def deref(value):
        while isinstance(value, dict) and "$ref" in value:
            node = document
            for part in value["$ref"].lstrip("#/").split("/"):
                node = node[part]
            value = node
        return value

    def renamed(value, code):
        if value == code:
            return "ADDED_LATER"
        if isinstance(value, dict):
            return {k: renamed(v, code) for k, v in value.items()}
        if isinstance(value, list):
            return [renamed(v, code) for v in value]
        return value

    cases = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            module = operation["operationId"]
            module = "".join("_" + c.lower() if c.isupper() else c for c in module)
            for status, response in operation["responses"].items():
                if not status.startswith(("4", "5")):
                    continue
                for media, content in deref(response)["content"].items():
                    code, example = next(iter(content["examples"].items()))
                    body = renamed(deref(example)["value"], code)
                    schema, member = content["schema"], ""
                    if "oneOf" not in schema:
                        member = "error"
                        schema = schema["properties"]["error"]
                    generic = schema["oneOf"][-1]["$ref"].rsplit("/", 1)[1]
                    cases.append((module, int(status), json.dumps(body), member, generic))
    return cases


def python_client(venv_bin, document_path, base, work):
    out = work / "pyclient"
    shutil.rmtree(out, ignore_errors=True)
    run([venv_bin / "openapi-python-client", "generate", "--path", document_path, "--output-path", out,
         "--meta", "none"], cwd=work)
    calls = [
        # (module, kwargs, status, where the code's object is in the body, its model class)
        ("get_v1_score", {}, 401, "", "AuthRequired"),
        ("get_v1_score_burst", {}, 429, "", "ScoringRateLimited"),
        ("get_v1_score_warm", {}, 503, "", "WarmingUp"),
        ("get_v1_crash", {}, 500, "", "Internal"),
        # `{success, error}`: the code's model is the `error` member's.
        ("get_v1_orders_id", {"id": "42"}, 404, "error", "OrderNotFound"),
        ("get_v1_orders_id", {"id": "forty-two"}, 400, "", "InvalidPathParameter"),
    ]
    program = f"""
import sys, importlib
sys.path.insert(0, {str(work)!r})
from pyclient import Client
client = Client(base_url={base!r}, raise_on_unexpected_status=True)
failures = []
for module, kwargs, status, member, model in {calls!r}:
    api = None
    for package in ("scoring", "orders", "default"):
        try:
            api = importlib.import_module(f"pyclient.api.{{package}}.{{module}}")
            break
        except ModuleNotFoundError:
            pass
    response = api.sync_detailed(client=client, **kwargs)
    parsed = getattr(response.parsed, member) if member else response.parsed
    got = type(parsed).__name__
    if response.status_code != status or got != model:
        failures.append(f"{{module}} {{kwargs}}: {{response.status_code}} {{got}}, expected {{status}} {{model}}")
# A code added after the document was written: each status reads it as the generic model.
import httpx
later = {added_later(json.loads(pathlib.Path(document_path).read_text()))!r}
for module, status, body, member, model in later:
    api = None
    for package in ("scoring", "orders", "default"):
        try:
            api = importlib.import_module(f"pyclient.api.{{package}}.{{module}}")
            break
        except ModuleNotFoundError:
            pass
    reply = httpx.Response(status, content=body.encode(), headers={{"content-type": "application/json"}})
    parsed = api._parse_response(client=client, response=reply)
    parsed = getattr(parsed, member) if member else parsed
    if type(parsed).__name__ != model:
        failures.append(f"{{module}} {{status}}: a code added later parsed as {{type(parsed).__name__}}, expected {{model}}")
if failures:
    sys.exit("\\n".join(failures))
print(f"   openapi-python-client: {{len({calls!r})}} live errors parsed into their code's model")
print(f"   openapi-python-client: a code added later read as the generic model at {{len(later)}} statuses")
"""
    (work / "call_service.py").write_text(program)
    result = run([venv_bin / "python", work / "call_service.py"], check=False)
    sys.stdout.write(result.stdout + result.stderr)
    if result.returncode != 0:
        raise SystemExit("the generated Python client did not parse the live errors")


def schemathesis(venv_bin, base, work):
    common = [venv_bin / "schemathesis", "run", f"{base}/openapi.json", "--checks", "all", "--max-examples", "50",
              "--seed", "1", "--no-color"]
    excluded = [flag for path in FAILING_ON_PURPOSE for flag in ("--exclude-path", path)]
    included = [flag for path in FAILING_ON_PURPOSE for flag in ("--include-path", path)]
    for args in (excluded, ["--exclude-checks", "not_a_server_error", *included]):
        result = run([*common, *args], cwd=work, check=False)
        if result.returncode != 0:
            sys.stdout.write(result.stdout + result.stderr)
            raise SystemExit("Schemathesis found failures")
    print("   Schemathesis: all checks, no failures")


def main():
    if shutil.which("npm") is None or shutil.which("node") is None:
        if os.environ.get("CI"):
            raise SystemExit("node and npm are needed in CI")
        print("skipped: node/npm not found (this check runs in CI)")
        return 0
    bin_dir, venv_bin = install()
    work = ROOT / "target" / "openapi-clients"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    process, base = serve()
    try:
        with urllib.request.urlopen(f"{base}/openapi.json", timeout=10) as reply:
            document = json.load(reply)
        document_path = work / "openapi.json"
        document_path.write_text(json.dumps(document, indent=2))
        spectral(bin_dir, document_path, work)
        typescript(bin_dir, document_path, document, work)
        python_client(venv_bin, document_path, base, work)
        schemathesis(venv_bin, base, work)
    finally:
        process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
