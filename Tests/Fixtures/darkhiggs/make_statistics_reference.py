#!/usr/bin/env python3
"""scipy's Bayesian limits for the stored dark-Higgsstrahlung inputs (expected_inputs_8fb.json).

For every distinct counting experiment among the stored windows, (n, b, r_s, r_b) with n the
Poisson median of b (smallest n with P(N <= n | b) >= 0.5, scipy.stats.poisson.ppf), the 90%
flat-prior upper limit on s by the nested quadrature of ../statistics/bayes_reference.py
(truncated Gaussians on efficiency and background, docs/STATS.md), with the prior range
s_max = max(500, 10 (n + b + 10 sqrt(n + b + 1) + 10)) events, the range DarkSector's limit
uses (with r_s > 0 the limit depends on it at the 1e-5 level). No DarkSector code is run.

Run:  python3 make_statistics_reference.py   (about two minutes; writes
      expected_limits_8fb_scipy.json next to it)
"""
import json
import math
import os
import sys

import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "statistics"))
import bayes_reference  # noqa: E402

CL = 0.90


def s_max(n, b):
    nb = n + b
    return max(500.0, 10.0 * (nb + 10.0 * math.sqrt(nb + 1.0) + 10.0))


def main():
    with open(os.path.join(HERE, "expected_inputs_8fb.json")) as f:
        x = json.load(f)
    keys = sorted({(b, rs, rb) for b, rs, rb in zip(x["expected_background"], x["relative_signal_uncertainty"],
                                                     x["relative_background_uncertainty"])})
    cases = []
    for b, rs, rb in keys:
        n = int(stats.poisson.ppf(0.5, b)) if b > 0 else 0
        rb_eff = rb if b > 0 else 0.0   # a relative uncertainty on a zero background is zero
        top = s_max(n, b)
        limit = bayes_reference.upper_limit(n, b, rb_eff, rs, CL, s_max=top)
        cases.append({"n": n, "b": b, "r_s": rs, "r_b": rb, "cl": CL, "s_max": top, "upper_limit": limit})
        print(f"n={n} b={b:.4f} r_s={rs:.4f} r_b={rb:.4f}: {limit:.8f}", flush=True)
    out = {"source": "make_statistics_reference.py: scipy " + scipy.__version__
                     + " nested quad (bayes_reference.upper_limit) on the distinct (median n, b, r_s, r_b) "
                       "of expected_inputs_8fb.json, 90% flat prior",
           "inputs": "expected_inputs_8fb.json", "cases": cases}
    with open(os.path.join(HERE, "expected_limits_8fb_scipy.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
