#!/usr/bin/env python3
"""Fuzz campaign for the inputs a DarkSector user hands to `darksector`.

Mutates three kinds of input and runs the darksector binary on each with a timeout:

  shard      HDF5 event shards (byte flips anywhere, byte flips inside chunk data, truncation,
             zeroed blocks, appended garbage) -> `store check FILE` and `store info FILE`
  config     search configurations and control-sample files (deleted keys, swapped types,
             huge/negative/NaN/inf numbers, unicode, very long strings, deep nesting, alias
             bombs, duplicate keys, empty file, binary junk)
             -> `run SEARCH --config FILE --samples <empty dir> --out <tmp> --db <tmp>/x.sqlite`
  workspace  pyhf JSON workspaces (swapped types, deleted keys, NaN/inf, huge arrays, deep
             nesting, truncation, junk) -> `stats workspace FILE --method cls`
  stats      command lines of `stats upper-limit` (negative, huge, non-finite, non-numeric
             counts, backgrounds, uncertainties, levels and toy counts; --json)

Every result is classified:

  CRASH     died by a signal, or stderr shows "Fatal error", "Segmentation", "Illegal
            instruction" or a Swift backtrace
  HANG      hit the timeout
  UNCLEAN   non-zero exit whose stderr is not exactly one non-empty line (a usage dump from
            ArgumentParser is counted apart, as UNCLEAN-usage)
  CLEAN     non-zero exit with a one-line error
  ACCEPTED  exit 0

Why only the standard library: CI has python3 but not h5py, so shards are mutated as bytes;
the "inside chunk data" flips aim at high-entropy regions (compressed chunks) found by a
byte-entropy scan, which is a heuristic, not an HDF5 parse.

The script exits non-zero on any CRASH or HANG (UNCLEAN results are reported, not fatal).
Usage:
  python3 Tests/Fixtures/fuzz/fuzz_inputs.py --darksector .build/debug/darksector --count 1000
  python3 Tests/Fixtures/fuzz/fuzz_inputs.py --short          # ~60 inputs, what `make test` runs
"""

import argparse
import collections
import glob
import json
import math
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))

CRASH_PATTERNS = ("Fatal error", "Segmentation", "Illegal instruction", "Program crashed",
                  "Backtracing", "Thread 0 crashed", "*** Signal")


# ----------------------------------------------------------------------------- running

class Result:
    def __init__(self, kind, mutation, command, returncode, stderr, seconds, category, stdin_file):
        self.kind = kind
        self.mutation = mutation
        self.command = command
        self.returncode = returncode
        self.stderr = stderr
        self.seconds = seconds
        self.category = category
        self.input_file = stdin_file


def classify(returncode, stderr, timed_out):
    if timed_out:
        return "HANG"
    if returncode is not None and returncode < 0:
        return "CRASH"
    if any(p in stderr for p in CRASH_PATTERNS):
        return "CRASH"
    if returncode == 0:
        return "ACCEPTED"
    lines = [l for l in stderr.splitlines() if l.strip()]
    if len(lines) == 1:
        return "CLEAN"
    if any(l.startswith("Usage:") or l.lstrip().startswith("USAGE:") for l in lines):
        return "UNCLEAN-usage"
    return "UNCLEAN"


def run(command, timeout, cwd):
    start = time.monotonic()
    try:
        proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=timeout, cwd=cwd)
        stderr = proc.stderr.decode("utf-8", "replace")
        return proc.returncode, stderr, False, time.monotonic() - start
    except subprocess.TimeoutExpired as e:
        stderr = (e.stderr or b"").decode("utf-8", "replace")
        return None, stderr, True, time.monotonic() - start


# ----------------------------------------------------------------------------- shards

def entropy_regions(data, window=512):
    """Offsets of windows whose byte entropy exceeds 7 bits/byte: compressed chunk data
    (HDF5 metadata is mostly small integers and zero padding, far below that)."""
    regions = []
    for start in range(0, max(0, len(data) - window), window):
        counts = collections.Counter(data[start:start + window])
        h = -sum(c / window * math.log2(c / window) for c in counts.values())
        if h > 7.0:
            regions.append(start)
    return regions


def mutate_shard(rng, data, chunk_windows):
    data = bytearray(data)
    choice = rng.choice(["flip_any", "flip_chunk", "flip_chunk", "truncate", "zero_block", "append_garbage",
                         "flip_header"])
    if choice == "flip_chunk" and not chunk_windows:
        choice = "flip_any"
    if choice == "flip_any":
        k = rng.choice([1, 1, 2, 8, 64])
        for _ in range(k):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        return f"flip {k} random bit(s)", bytes(data)
    if choice == "flip_header":
        i = rng.randrange(min(len(data), 4096))
        data[i] ^= 0xFF
        return f"flip byte {i} in the first 4 KiB (metadata)", bytes(data)
    if choice == "flip_chunk":
        w = rng.choice(chunk_windows)
        k = rng.choice([1, 1, 3, 16])
        for _ in range(k):
            i = w + rng.randrange(512)
            data[i] ^= 1 << rng.randrange(8)
        return f"flip {k} bit(s) in compressed-looking window at {w}", bytes(data)
    if choice == "truncate":
        n = rng.randrange(len(data))
        return f"truncate at {n} of {len(data)}", bytes(data[:n])
    if choice == "zero_block":
        size = rng.choice([8, 512, 4096, 65536])
        i = rng.randrange(len(data))
        data[i:i + size] = bytes(min(size, len(data) - i))
        return f"zero {size} bytes at {i}", bytes(data)
    junk = bytes(rng.randrange(256) for _ in range(rng.choice([1, 100, 5000])))
    return f"append {len(junk)} junk bytes", bytes(data) + junk


def make_shards(darksector, work):
    """Reference shards from Tests/Fixtures plus a tiny production made by the binary."""
    shards = sorted(glob.glob(os.path.join(ROOT, "Tests/Fixtures/eventstore/*.h5")))
    out = os.path.join(work, "production")
    cmd = [darksector, "generate", "--lumi", "0.0005", "--processes", "mumu", "--out", out,
           "--db", os.path.join(work, "production.sqlite"), "--jobs", "1"]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600, cwd=ROOT)
    if proc.returncode != 0:
        print("warning: could not generate shards: " + proc.stderr.decode(errors="replace").strip()[:300])
    shards += sorted(glob.glob(os.path.join(out, "**", "*.h5"), recursive=True))
    if not shards:
        sys.exit("no HDF5 shards to mutate")
    return shards


# ----------------------------------------------------------------------------- configurations

YAML_BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

SCALARS = ["1e308", "-1e308", "-1", "0", "-0.0", ".nan", "NaN", ".inf", "-.inf", "1e-320", "4294967297",
           "99999999999999999999999", "true", "null", "~", "''", "[]", "{}", "[1, [2, [3]]]",
           "{from: 1, to: 0}", "\"\\u0000\"", "\"d\u00e9j\u00e0 \U0001F4A5 \u202e\"", "0x10", "1_000", "!!binary AAAA",
           "2e9", "-2e9", "9.2e18"]

KEY_VALUE = re.compile(r"^(\s*-?\s*)([A-Za-z_][A-Za-z0-9_]*)(\s*:\s*)(.*)$")
NUMBER = re.compile(r"(?<![A-Za-z_])-?\d+(\.\d+)?([eE][-+]?\d+)?")


def absolutise_paths(text, source):
    """Control-sample paths are relative to the configuration's folder; the mutated copy
    lives elsewhere, so make them absolute (otherwise every input fails on the path)."""
    base = os.path.dirname(source)

    def fix(m):
        items = [s.strip() for s in m.group(1).split(",")]
        return "control_sample_files: [" + ", ".join(os.path.normpath(os.path.join(base, s)) for s in items) + "]"
    return re.sub(r"control_sample_files:\s*\[([^\]]*)\]", fix, text)


def mutate_yaml(rng, text):
    lines = text.split("\n")
    kv = [i for i, l in enumerate(lines) if KEY_VALUE.match(l)]
    choice = rng.choice(["delete_key", "swap_value", "swap_value", "number", "number", "unicode", "long_string",
                         "deep_nesting", "bomb", "duplicate_key", "empty", "binary", "truncate", "indent",
                         "swap_value", "number"])
    if choice == "delete_key" and kv:
        i = rng.choice(kv)
        del lines[i]
        return f"delete line {i + 1}", "\n".join(lines).encode()
    if choice == "swap_value" and kv:
        i = rng.choice(kv)
        m = KEY_VALUE.match(lines[i])
        v = rng.choice(SCALARS)
        lines[i] = m.group(1) + m.group(2) + m.group(3) + v
        return f"line {i + 1}: {m.group(2)} = {v}", "\n".join(lines).encode()
    if choice == "number":
        spots = [(i, m) for i, l in enumerate(lines) if not l.lstrip().startswith("#")
                 for m in NUMBER.finditer(l)]
        if spots:
            i, m = rng.choice(spots)
            v = rng.choice(["1e308", "-1e308", "-1", "0", ".nan", ".inf", "-.inf", "1e-320", "-0.5", "1e9", "2147483648",
                            "-2147483649", "1e400"])
            lines[i] = lines[i][:m.start()] + v + lines[i][m.end():]
            return f"line {i + 1}: number {m.group(0)} -> {v}", "\n".join(lines).encode()
    if choice == "unicode" and kv:
        i = rng.choice(kv)
        m = KEY_VALUE.match(lines[i])
        v = rng.choice(["\"\u00e9\u00e8\u4e2d\u6587\"", "\"\U0001F600\"", "\"a\u0000b\"", "\"\u202eevil\"",
                        "\"\ufeff\""])
        if rng.random() < 0.5:
            lines[i] = m.group(1) + m.group(2) + "\u00e9" + m.group(3) + m.group(4)
            return f"line {i + 1}: unicode in key", "\n".join(lines).encode()
        lines[i] = m.group(1) + m.group(2) + m.group(3) + v
        return f"line {i + 1}: unicode value", "\n".join(lines).encode()
    if choice == "long_string" and kv:
        i = rng.choice(kv)
        m = KEY_VALUE.match(lines[i])
        lines[i] = m.group(1) + m.group(2) + m.group(3) + "x" * rng.choice([10_000, 1_000_000])
        return f"line {i + 1}: very long string", "\n".join(lines).encode()
    if choice == "deep_nesting" and kv:
        i = rng.choice(kv)
        m = KEY_VALUE.match(lines[i])
        depth = rng.choice([100, 10_000, 100_000])
        style = rng.choice(["[", "{a: "])
        close = "]" if style == "[" else "}"
        lines[i] = m.group(1) + m.group(2) + m.group(3) + style * depth + "1" + close * depth
        return f"line {i + 1}: nesting depth {depth}", "\n".join(lines).encode()
    if choice == "bomb":
        return "billion-laughs alias bomb prepended", (YAML_BOMB + text).encode()
    if choice == "duplicate_key" and kv:
        i = rng.choice(kv)
        lines.insert(i + 1, lines[i])
        return f"line {i + 1} duplicated", "\n".join(lines).encode()
    if choice == "empty":
        return "empty file", b""
    if choice == "binary":
        return "binary junk", bytes(rng.randrange(256) for _ in range(rng.choice([1, 64, 4096])))
    if choice == "indent" and kv:
        i = rng.choice(kv)
        lines[i] = " " * rng.choice([1, 3, 7]) + lines[i]
        return f"line {i + 1} re-indented", "\n".join(lines).encode()
    n = rng.randrange(max(1, len(text)))
    return f"truncate at {n}", text[:n].encode()


def config_bases():
    """(search id, configuration text, control-sample text or None) triples."""
    bases = []
    configs = sorted(glob.glob(os.path.join(ROOT, "Searches/*/config/*.yaml")))
    for path in configs:
        text = open(path, encoding="utf-8").read()
        m = re.search(r"^search:\s*(\S+)", text, re.M)
        if not m:
            continue   # production configurations belong to `generate`
        bases.append((m.group(1), absolutise_paths(text, path), None, os.path.relpath(path, ROOT)))
    # Control-sample files: mutated on their own, referenced from their search's default.
    for control in sorted(glob.glob(os.path.join(ROOT, "ControlSamples/*/*.yaml"))):
        for search, text, _, src in bases:
            if os.path.relpath(control, ROOT) in text.replace(ROOT + "/", ""):
                bases.append((search, text, open(control, encoding="utf-8").read(), os.path.relpath(control, ROOT)))
                break
    return bases


# ----------------------------------------------------------------------------- workspaces

def json_paths(value, path=()):
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from json_paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from json_paths(v, path + (i,))


def set_path(doc, path, value):
    target = doc
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = value


def delete_path(doc, path):
    target = doc
    for p in path[:-1]:
        target = target[p]
    del target[path[-1]]


def deep(depth):
    return json.loads("[" * depth + "]" * depth) if depth < 900 else None


def mutate_workspace(rng, doc):
    doc = json.loads(json.dumps(doc))
    paths = [p for p, _ in json_paths(doc) if p]
    choice = rng.choice(["delete", "swap_type", "swap_type", "number", "number", "huge_array", "deep_nesting",
                         "truncate", "junk", "empty", "wrong_root", "duplicate"])
    path = rng.choice(paths)
    where = "/".join(str(p) for p in path)
    if choice == "delete":
        delete_path(doc, path)
        return f"delete {where}", json.dumps(doc).encode()
    if choice == "swap_type":
        v = rng.choice([None, True, "text", 1, -1, 0.5, [], {}, [1, "a", None], {"a": 1}, ""])
        set_path(doc, path, v)
        return f"{where} = {json.dumps(v)}", json.dumps(doc).encode()
    if choice == "number":
        numbers = [p for p, v in json_paths(doc) if p and isinstance(v, (int, float)) and not isinstance(v, bool)]
        if numbers:
            path = rng.choice(numbers)
            where = "/".join(str(p) for p in path)
            v = rng.choice([float("nan"), float("inf"), -float("inf"), 1e308, -1e308, -1, 0, 1e-320, -5.0, 2 ** 63,
                            1e30])
            set_path(doc, path, v)
            return f"{where} = {v}", json.dumps(doc, allow_nan=True).encode()
    if choice == "huge_array":
        lists = [p for p, v in json_paths(doc) if p and isinstance(v, list) and v
                 and all(isinstance(x, (int, float)) for x in v)]
        if lists:
            path = rng.choice(lists)
            where = "/".join(str(p) for p in path)
            n = rng.choice([1000, 100_000, 1_000_000])
            set_path(doc, path, [1.0] * n)
            return f"{where} = [1.0] * {n}", json.dumps(doc).encode()
    if choice == "deep_nesting":
        depth = rng.choice([100, 10_000, 100_000])
        text = json.dumps(doc)
        marker = '"__DEEP__"'
        set_path(doc, path, "__DEEP__")
        text = json.dumps(doc).replace(marker, "[" * depth + "1" + "]" * depth, 1)
        return f"{where} nested {depth} deep", text.encode()
    if choice == "truncate":
        text = json.dumps(doc).encode()
        n = rng.randrange(len(text))
        return f"truncate at {n}", text[:n]
    if choice == "junk":
        return "binary junk", bytes(rng.randrange(256) for _ in range(rng.choice([1, 64, 4096])))
    if choice == "empty":
        return "empty file", b""
    if choice == "wrong_root":
        v = rng.choice(["[]", "null", "1", "\"ws\"", "[{}]"])
        return f"root = {v}", v.encode()
    text = json.dumps(doc)
    # duplicate key: repeat the first key of the root object with another value
    return "duplicate root key", text.replace("{", '{"channels": [], ', 1).encode()


# ----------------------------------------------------------------------------- stats command lines

STATS_VALUES = {
    "--observed": ["0", "3", "-3", "1e6", "1000000", "2147483647", "3e9", "nan", "inf", "3.5", "abc", "", "-0", "1e300"],
    "--background": ["0", "2", "0.5", "-1", "1e9", "1e13", "inf", "-inf", "nan", "x", "1e-320"],
    "--background-uncertainty": ["0", "0.1", "1", "50", "-0.1", "nan", "inf"],
    "--signal-uncertainty": ["0", "0.1", "0.9", "5", "-1", "nan"],
    "--cl": ["0.9", "0.95", "0", "1", "1.5", "-0.1", "nan", "0.999999999"],
    "--toys": ["10", "100", "0", "-5", "1e8", "abc", "1e20"],
}


def stats_command(rng, darksector):
    args = [darksector, "stats", "upper-limit", "--method", rng.choice(["bayes", "bayes", "cls", "fc", "magic"])]
    for option, values in STATS_VALUES.items():
        if option in ("--observed", "--background") and rng.random() < 0.95 or rng.random() < 0.3:
            args += [option, rng.choice(values)]
    if rng.random() < 0.3:
        args.append("--json")
    return " ".join(args[4:]), args


# ----------------------------------------------------------------------------- campaign

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--darksector", default=os.path.join(ROOT, ".build/debug/darksector"))
    parser.add_argument("--count", type=int, default=1200, help="inputs in total (split over the three kinds)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--short", action="store_true", help="about 60 inputs (what `make test` runs)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per command")
    parser.add_argument("--show", type=int, default=5, help="failures listed per category")
    parser.add_argument("--keep", default=None, help="keep failing inputs in this folder")
    args = parser.parse_args()
    count = 60 if args.short else args.count
    darksector = os.path.abspath(args.darksector)
    if not os.access(darksector, os.X_OK):
        sys.exit(f"no darksector binary at {darksector}; build it with `swift build` or pass --darksector")
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="darksector-fuzz-")
    keep = os.path.abspath(args.keep) if args.keep else os.path.join(work, "failures")
    os.makedirs(keep, exist_ok=True)
    results = []
    started = time.monotonic()
    try:
        shards = make_shards(darksector, work)
        shard_data = {p: open(p, "rb").read() for p in shards}
        windows = {p: entropy_regions(d) for p, d in shard_data.items()}
        bases = config_bases()
        workspaces = sorted(glob.glob(os.path.join(ROOT, "Tests/Fixtures/statistics/pyhf_workspaces/*.json")))
        workspaces += sorted(glob.glob(os.path.join(ROOT, "Tests/Fixtures/pipeline/pyhf_export/*.json")))
        ws_docs = {p: json.load(open(p)) for p in workspaces}
        # In the kept folder so that the printed reproduction commands still work afterwards.
        empty_samples = os.path.join(keep, "empty-samples")
        os.makedirs(empty_samples, exist_ok=True)

        # Shards run two commands each, so they get a third of the inputs like the others.
        # A tenth of the inputs are stats command lines, the rest split between the three files kinds.
        n_stats = count // 10
        third = (count - n_stats) // 3
        per_kind = {"shard": third, "config": third, "workspace": count - n_stats - 2 * third, "stats": n_stats}
        plan = [k for k, n in per_kind.items() for _ in range(n)]
        rng.shuffle(plan)
        for index, kind in enumerate(plan):
            case = os.path.join(work, f"case{index:05d}")
            os.makedirs(case)
            if kind == "shard":
                source = rng.choice(shards)
                mutation, data = mutate_shard(rng, shard_data[source], windows[source])
                path = os.path.join(case, "shard.h5")
                open(path, "wb").write(data)
                commands = [[darksector, "store", "check", path], [darksector, "store", "info", path]]
            elif kind == "config":
                search, text, control, source = rng.choice(bases)
                if control is None:
                    mutation, data = mutate_yaml(rng, text)
                    path = os.path.join(case, "config.yaml")
                    open(path, "wb").write(data)
                else:
                    mutation, data = mutate_yaml(rng, control)
                    path = os.path.join(case, "control_samples.yaml")
                    open(path, "wb").write(data)
                    config = re.sub(r"control_sample_files:\s*\[[^\]]*\]", f"control_sample_files: [{path}]", text)
                    open(os.path.join(case, "config.yaml"), "w").write(config)
                config_path = os.path.join(case, "config.yaml")
                commands = [[darksector, "run", search, "--config", config_path, "--samples", empty_samples,
                             "--out", os.path.join(case, "out"), "--db", os.path.join(case, "x.sqlite")]]
            elif kind == "stats":
                mutation, command = stats_command(rng, darksector)
                source = "stats upper-limit"
                path = os.path.join(case, "none")
                commands = [command]
            else:
                source = rng.choice(workspaces)
                mutation, data = mutate_workspace(rng, ws_docs[source])
                path = os.path.join(case, "workspace.json")
                open(path, "wb").write(data)
                commands = [[darksector, "stats", "workspace", path, "--method", "cls"]]
            source_name = os.path.relpath(source, ROOT) if source.startswith(ROOT) else os.path.basename(source)
            failed = []
            for command in commands:
                rc, stderr, timed_out, seconds = run(command, args.timeout, ROOT)
                category = classify(rc, stderr, timed_out)
                r = Result(kind, f"{source_name}: {mutation}", command, rc, stderr, seconds, category, path)
                results.append(r)
                if category not in ("CLEAN", "ACCEPTED"):
                    failed.append(r)
            if failed:
                # Keep the case folder so the command can be rerun after the work folder is gone.
                kept = os.path.join(keep, f"{kind}-{index:05d}")
                shutil.copytree(case, kept, ignore=shutil.ignore_patterns("out", "x.sqlite*"))
                config_copy = os.path.join(kept, "config.yaml")
                if os.path.exists(config_copy):
                    text = open(config_copy, encoding="utf-8", errors="surrogateescape").read()
                    open(config_copy, "w", encoding="utf-8", errors="surrogateescape").write(text.replace(case, kept))
                for r in failed:
                    r.command = [c.replace(case, kept) for c in r.command]
                    r.input_file = r.input_file.replace(case, kept)
            shutil.rmtree(case, ignore_errors=True)
    finally:
        report(results, args, count, time.monotonic() - started, keep)
        if not args.keep:
            for name in os.listdir(work):
                if name != "failures":
                    shutil.rmtree(os.path.join(work, name), ignore_errors=True)
    bad = [r for r in results if r.category in ("CRASH", "HANG")]
    sys.exit(1 if bad else 0)


def report(results, args, count, seconds, keep):
    categories = ["ACCEPTED", "CLEAN", "UNCLEAN", "UNCLEAN-usage", "HANG", "CRASH"]
    kinds = ["shard", "config", "workspace", "stats"]
    inputs = collections.Counter()
    seen = set()
    for r in results:
        if (r.kind, r.input_file, r.mutation) not in seen:
            seen.add((r.kind, r.input_file, r.mutation))
            inputs[r.kind] += 1
    print(f"fuzz: {len(seen)} inputs, {len(results)} commands, seed {args.seed}, {seconds:.0f} s")
    header = f"{'kind':<10} {'inputs':>7} {'runs':>6} " + " ".join(f"{c:>13}" for c in categories)
    print(header)
    for kind in kinds + ["total"]:
        rows = [r for r in results if kind == "total" or r.kind == kind]
        counts = collections.Counter(r.category for r in rows)
        n_inputs = sum(inputs.values()) if kind == "total" else inputs[kind]
        print(f"{kind:<10} {n_inputs:>7} {len(rows):>6} " + " ".join(f"{counts[c]:>13}" for c in categories))
    # What the binary said, grouped (paths and numbers masked): shows for instance how many
    # mutated configurations parsed and reached the "no samples" check.
    print("\nmost common first stderr lines per kind (paths and numbers masked):")
    for kind in kinds:
        said = collections.Counter(mask(r.stderr) for r in results if r.kind == kind and r.category != "ACCEPTED")
        for message, n in said.most_common(args.show):
            print(f"  {kind:<10} {n:>5}  {message}")
    for category in ["CRASH", "HANG", "UNCLEAN", "UNCLEAN-usage"]:
        rows = [r for r in results if r.category == category]
        if not rows:
            continue
        print(f"\n{category}: {len(rows)} (first {min(args.show, len(rows))}; inputs kept in {keep})")
        for r in rows[:args.show]:
            cmd = " ".join(shlex.quote(c) for c in r.command)
            first = next((l for l in r.stderr.splitlines() if l.strip()), "<no stderr>")
            print(f"  [{r.kind}] {r.mutation}")
            print(f"    rc={r.returncode} {r.seconds:.1f}s  stderr: {first[:200]}")
            print(f"    input: {r.input_file}")
            print(f"    reproduce: {cmd}")


def mask(stderr):
    first = next((l for l in stderr.splitlines() if l.strip()), "<no stderr>")
    first = re.sub(r"(/[^\s:,;()'\"]+)+", "<path>", first)
    first = re.sub(r"\d+(\.\d+)?([eE][-+]?\d+)?", "N", first)
    return first[:110]


if __name__ == "__main__":
    main()
