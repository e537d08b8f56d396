#!/usr/bin/env python3
"""Reference for the MCMC test: the exact marginal posterior of the distribution the
sampler targets, integrated with scipy (no DarkSector code involved).

The MCMC samples the posterior of the one-bin HistFactory model that CountingCLs builds for
a counting experiment (n observed, background b with relative uncertainty r_b, no signal
uncertainty):

  rate(mu, alpha) = mu + b (1 + r_b alpha)          (histosys, linear in alpha)
  p(mu, alpha)    ~ Pois(n | rate) * N(alpha; 0, 1)  on 0 <= mu <= MU_MAX, -5 <= alpha <= 5
                    (flat prior on mu within its bounds, HistFactory's default nuisance
                     bounds [-5, 5]; zero where rate <= 0, since n > 0)

MU_MAX = max(10, 3 (n + 5 sqrt(n) + 10)) is the POI bound CountingCLs writes. Unlike the
truncated-Gaussian Bayesian limit (bayes_reference.json), the background here is not cut at
b >= 0 (only the total rate must be positive); the JSON stores both so the difference
(a few 1e-4) is visible.

The upper limit mu_up solves Int_0^mu_up f = CL Int_0^MU_MAX f with
f(mu) = Int p(mu, alpha) dalpha; both integrals by scipy.integrate.quad (epsrel 1e-10),
the root by scipy.optimize.brentq (xtol 1e-12).

Run:  python3 mcmc_reference.py   (writes mcmc_reference.json next to it)
"""
import json
import math
import os

import scipy
from scipy import integrate, optimize, special, stats

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = [
    # n, b, r_b, cl
    (5, 3.0, 0.3, 0.90),
]


def mu_max(n):
    return max(10.0, 3.0 * (n + 5.0 * math.sqrt(n) + 10.0))


def marginal(mu, n, b, r_b):
    """f(mu) = Int_{-5}^{5} Pois(n | mu + b(1 + r_b a)) phi(a) da, zero where the rate <= 0."""
    # rate > 0  <=>  a > -(mu + b) / (b r_b)
    lo = max(-5.0, -(mu + b) / (b * r_b)) if r_b > 0 else -5.0

    def integrand(a):
        rate = mu + b * (1.0 + r_b * a)
        if rate <= 0:
            return 0.0
        return math.exp(n * math.log(rate) - rate - special.gammaln(n + 1)) * stats.norm.pdf(a)

    val, _ = integrate.quad(integrand, lo, 5.0, epsabs=0.0, epsrel=1e-10, limit=400)
    return val


def upper_limit(n, b, r_b, cl):
    top = mu_max(n)
    cdf = lambda x: integrate.quad(marginal, 0.0, x, args=(n, b, r_b), epsabs=0.0, epsrel=1e-10, limit=400)[0]
    total = cdf(top)
    return optimize.brentq(lambda x: cdf(x) - cl * total, 0.0, top, xtol=1e-12), top


def main():
    cases = []
    for n, b, r_b, cl in CASES:
        limit, top = upper_limit(n, b, r_b, cl)
        cases.append({"n": n, "b": b, "r_b": r_b, "r_s": 0.0, "cl": cl, "mu_max": top,
                      "nuisance_bounds": [-5.0, 5.0], "upper_limit": limit})
        print(f"n={n} b={b} r_b={r_b} cl={cl}: upper limit {limit:.10f} (mu_max {top:.4f})")
    out = {
        "source": "mcmc_reference.py: exact marginal posterior of the CountingCLs one-bin model "
                  "(linear histosys background, flat prior on mu in [0, mu_max], N(0,1) on alpha in [-5, 5]), "
                  f"scipy {scipy.__version__} quad + brentq",
        "cases": cases,
    }
    with open(os.path.join(HERE, "mcmc_reference.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
