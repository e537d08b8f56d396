#!/usr/bin/env python3
"""Time the statistics benchmarks of `darksector bench stats` in Python on the same machine.

1. Counting Bayesian upper limit with two nuisances (n = 10, b = 5, r_b = 0.1, r_s = 0.1,
   90% CL, flat prior on s in [0, 500]): nested scipy.integrate.quad over (e, b) of the
   analytic s-integral (regularised incomplete gamma), scipy.optimize.brentq for the limit.
2. Asymptotic CLs upper limit (observed + expected band) on the 20-bin, 3-sample workspace
   Tests/Fixtures/statistics/pyhf_workspaces/benchmark_20bin.json with pyhf (numpy backend,
   default scipy optimizer): pyhf.infer.intervals.upper_limits.upper_limit(data, model, level=0.05).

Swift timings come from `--swift-json FILE` (the output of `darksector bench stats --json`) or
by running `--darksector PATH` (a release build); the script prints both and the ratios.

Usage:
  swift build -c release && .build/release/darksector bench stats --json > /tmp/swift_stats.json
  python3 Benchmarks/stats_vs_pyhf.py --swift-json /tmp/swift_stats.json
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
from scipy import integrate, optimize, special, stats

HERE = os.path.dirname(os.path.abspath(__file__))
WORKSPACE = os.path.join(HERE, "..", "Tests", "Fixtures", "statistics", "pyhf_workspaces", "benchmark_20bin.json")


def bayes_limit(n=10, b0=5.0, r_b=0.1, r_s=0.1, cl=0.9, s_max=500.0):
    """Same integral as BayesianUpperLimit (flat prior, truncated Gaussian nuisances)."""
    def q(x):
        return special.gammaincc(n + 1, x)

    def kernel(s, e, b):
        return (q(b) - q(s * e + b)) / e

    def cdf(s):
        def inner(e):
            lo = max(-8.0, -1.0 / r_b)
            return integrate.quad(lambda z: stats.norm.pdf(z) * kernel(s, e, b0 * (1 + r_b * z)), lo, 8.0,
                                  epsrel=1e-10)[0]
        lo = max(-8.0, -1.0 / r_s)
        return integrate.quad(lambda w: stats.norm.pdf(w) * inner(1 + r_s * w), lo, 8.0, epsrel=1e-10)[0]

    norm = cdf(s_max)
    return optimize.brentq(lambda s: cdf(s) / norm - cl, 1e-6, 100.0, xtol=1e-10)


def time_call(fn, repeat):
    best = None
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--swift-json", help="output of `darksector bench stats --json`")
    parser.add_argument("--darksector", help="path to a release darksector binary to run `bench stats --json`")
    parser.add_argument("--workspace", default=WORKSPACE)
    parser.add_argument("--bayes-repeat", type=int, default=3)
    parser.add_argument("--cls-repeat", type=int, default=1)
    args = parser.parse_args()

    import pyhf
    pyhf.set_backend("numpy")
    with open(args.workspace) as f:
        spec = json.load(f)
    ws = pyhf.Workspace(spec)
    model = ws.model()
    data = ws.data(model)

    t_bayes, ul_bayes = time_call(bayes_limit, args.bayes_repeat)
    t_cls, (obs, exp) = time_call(
        lambda: pyhf.infer.intervals.upper_limits.upper_limit(data, model, level=0.05), args.cls_repeat)
    out = {
        "python": {"bayes_ms_per_call": 1e3 * t_bayes, "bayes_upper_limit": float(ul_bayes),
                   "cls_ms_per_call": 1e3 * t_cls, "cls_observed_limit": float(obs),
                   "cls_expected_limits": [float(v) for v in exp],
                   "versions": {"pyhf": pyhf.__version__, "numpy": np.__version__,
                                "scipy": __import__("scipy").__version__}},
    }
    swift = None
    if args.swift_json:
        with open(args.swift_json) as f:
            swift = json.load(f)
    elif args.darksector:
        cmd = [args.darksector, "bench", "stats", "--json", "--workspace", args.workspace]
        swift = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    if swift is not None:
        out["swift"] = swift
        out["ratio_bayes_python_over_swift"] = out["python"]["bayes_ms_per_call"] / swift["bayes_ms_per_call"]
        out["ratio_cls_pyhf_over_swift"] = out["python"]["cls_ms_per_call"] / swift["cls_ms_per_call"]
        # On a loaded machine wall time overstates the cost; judge the 1 ms target on CPU time
        # when the Swift side reports it (both are printed).
        bayes_ms = swift.get("bayes_cpu_ms_per_call", swift["bayes_ms_per_call"])
        out["targets"] = {"bayes_swift_ms_max": 1.0, "cls_speedup_min": 50.0,
                          "bayes_ok": bayes_ms <= 1.0,
                          "cls_ok": out["ratio_cls_pyhf_over_swift"] >= 50.0}
    print(json.dumps(out, indent=1))
    if swift is not None:
        print(f"Bayesian: Swift {swift['bayes_ms_per_call']:.3f} ms vs scipy {out['python']['bayes_ms_per_call']:.1f} ms "
              f"(x{out['ratio_bayes_python_over_swift']:.0f}); CLs: Swift {swift['cls_ms_per_call']:.1f} ms vs pyhf "
              f"{out['python']['cls_ms_per_call']:.0f} ms (x{out['ratio_cls_pyhf_over_swift']:.0f})", file=sys.stderr)


if __name__ == "__main__":
    main()
