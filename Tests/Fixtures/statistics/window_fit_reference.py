#!/usr/bin/env python3
"""Reference values for the sliding-window fit (Sources/Statistics/WindowFit), made with scipy only.

Model (docs/STATS.md, "Sliding-window fit"), written here from that description, not from the Swift code:
  window [lo, hi] = outer edges of the fitted bins, t = 2 (x - (lo + hi)/2)/(hi - lo), w = (hi - lo)/nbins;
  background per bin b_i = (1/w) Int_bin f(t(x)) dx with
    polynomial f = sum_k c_k t^k              (integral: numpy polyint, exact)
    exponential-polynomial f = exp(sum a_k t^k) (integral: 40-point Gauss-Legendre per bin, numpy)
  signal per bin at mu = 1: s_i = Phi((x_hi - m)/sigma) - Phi((x_lo - m)/sigma) (scipy.stats.norm);
  lambda_i = mu s_i + b_i; -2 ln L = 2 sum [lambda - n ln lambda + ln Gamma(n + 1)] (scipy.stats.poisson).
Fits: scipy.optimize.minimize (BFGS unbounded, L-BFGS-B for mu >= 0), analytic gradients, polished twice.
Test statistics and CLs: Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554 (q~_mu, eq. 16 and 66-67 of
the asymptotic formulae), Asimov data = expected counts of the mu = 0 fit to the data; limits by brentq.
Bayesian: flat priors on mu >= 0 and the background parameters; the marginal m(mu) by scipy dblquad over
the two background parameters (+-10 sigma boxes around the conditional fit), on a 121-point mu grid,
then a cubic-spline CDF (scipy.interpolate) and brentq.
Order choice: background-only sideband fits (bins with centre outside m +- 2 sigma), orders 0..4, keep the
lowest n whose step to n + 1 has p = chi2.sf(Delta(-2 ln L), 1) > 0.05.
Run: python3 window_fit_reference.py  (writes window_fit_reference.json; numpy, scipy; ~10 min)
"""
import json, math, os, sys
import numpy as np
from numpy.polynomial import polynomial as P, legendre
from scipy import optimize, stats, integrate, interpolate
from scipy.special import gammaln

GL_T, GL_W = legendre.leggauss(40)

class Window:
    def __init__(self, edges, counts, family, order, mass, sigma, keep=None):
        self.edges_all = np.asarray(edges, float)
        lo_all, hi_all = self.edges_all[:-1], self.edges_all[1:]
        self.lo_win, self.hi_win = self.edges_all[0], self.edges_all[-1]
        nb = len(lo_all)
        self.w = (self.hi_win - self.lo_win) / nb
        keep = np.ones(nb, bool) if keep is None else keep
        self.lo, self.hi = lo_all[keep], hi_all[keep]
        self.n = np.asarray(counts, float)[keep]
        self.family, self.order = family, order
        half, centre = (self.hi_win - self.lo_win) / 2, (self.hi_win + self.lo_win) / 2
        self.ta, self.tb = (self.lo - centre) / half, (self.hi - centre) / half
        self.jac = half / self.w
        self.s = stats.norm.cdf((self.hi - mass) / sigma) - stats.norm.cdf((self.lo - mass) / sigma) if mass is not None else 0 * self.lo
        # Gauss-Legendre nodes per bin for the exponential family
        mid, rad = (self.ta + self.tb) / 2, (self.tb - self.ta) / 2
        self.nodes = mid[:, None] + rad[:, None] * GL_T[None, :]
        self.nw = rad[:, None] * GL_W[None, :] * self.jac
        self.lgn = gammaln(self.n + 1)

    def bkg(self, th):
        th = np.asarray(th)
        if self.family == "polynomial":
            anti = P.polyint(th)
            return self.jac * (P.polyval(self.tb, anti) - P.polyval(self.ta, anti)), \
                np.array([self.jac * (self.tb ** (k + 1) - self.ta ** (k + 1)) / (k + 1) for k in range(len(th))]).T
        e = np.exp(P.polyval(self.nodes, th)) * self.nw
        return e.sum(axis=1), np.stack([(e * self.nodes ** k).sum(axis=1) for k in range(len(th))], axis=1)

    def nll_grad(self, x):
        mu, th = x[0], x[1:]
        b, db = self.bkg(th)
        lam = mu * self.s + b
        if np.any(lam <= 0) and np.any(self.n[lam <= 0] > 0) or np.any(lam < 0):
            return 1e300, np.zeros_like(x)
        f = np.sum(lam - np.where(self.n > 0, self.n * np.log(np.where(lam > 0, lam, 1)), 0) + self.lgn)
        a = 1 - np.where(lam > 0, self.n / np.where(lam > 0, lam, 1), 0)
        return f, np.concatenate([[np.sum(a * self.s)], a @ db])

    def nll(self, x):
        th = x[1:]
        if self.family == "polynomial":
            anti = P.polyint(th)
            b = self.jac * (P.polyval(self.tb, anti) - P.polyval(self.ta, anti))
        else:
            b = (np.exp(P.polyval(self.nodes, th)) * self.nw).sum(axis=1)
        lam = x[0] * self.s + b
        if np.any(lam <= 0):
            return math.inf
        return float(np.sum(lam - self.n * np.log(lam) + self.lgn))

    def twice_nll_scipy(self, x):
        b, _ = self.bkg(x[1:])
        return -2 * np.sum(stats.poisson.logpmf(self.n, x[0] * self.s + b)) if np.all(self.n == np.round(self.n)) else None

    def start(self):
        th = np.zeros(self.order + 1)
        m = max(self.n.mean(), 1e-3)
        th[0] = m if self.family == "polynomial" else math.log(m)
        return np.concatenate([[0.0], th])

def minimise(win, x0, fixed_mu=None, mu_low=None):
    if fixed_mu is not None:
        f = lambda th: win.nll_grad(np.concatenate([[fixed_mu], th]))
        g = lambda th: (f(th)[0], f(th)[1][1:])
        x = np.asarray(x0[1:], float)
        for _ in range(3):
            r = optimize.minimize(g, x, jac=True, method="BFGS", options={"gtol": 1e-10, "maxiter": 10000})
            x = r.x
        return np.concatenate([[fixed_mu], x]), 2 * r.fun
    x = np.asarray(x0, float).copy()
    if mu_low is None:
        for _ in range(3):
            r = optimize.minimize(win.nll_grad, x, jac=True, method="BFGS", options={"gtol": 1e-10, "maxiter": 10000})
            x = r.x
    else:
        x[0] = max(x[0], mu_low)
        bounds = [(mu_low, None)] + [(None, None)] * (len(x) - 1)
        for _ in range(3):
            r = optimize.minimize(win.nll_grad, x, jac=True, method="L-BFGS-B", bounds=bounds,
                                  options={"ftol": 1e-16, "gtol": 1e-11, "maxiter": 20000, "maxcor": 30})
            x = r.x
    return x, 2 * r.fun

def hessian(win, x, idx):
    h = np.zeros((len(idx), len(idx)))
    for a, k in enumerate(idx):
        step = 1e-5 * max(1, abs(x[k]))
        xp, xm = x.copy(), x.copy(); xp[k] += step; xm[k] -= step
        gp, gm = win.nll_grad(xp)[1], win.nll_grad(xm)[1]
        h[:, a] = (gp[idx] - gm[idx]) / (2 * step)
    return (h + h.T) / 2

class Profile:
    def __init__(self, win):
        self.win = win
        bonly, _ = minimise(win, win.start(), fixed_mu=0.0)
        self.free, self.free_t = minimise(win, bonly)
        self.bound, self.bound_t = (self.free, self.free_t) if self.free[0] >= 0 else minimise(win, bonly, mu_low=0.0)
        self.bonly = bonly
    def cond(self, mu):
        return minimise(self.win, self.bound, fixed_mu=mu)
    def curve(self, mu):
        return max(self.cond(mu)[1] - self.free_t, 0)
    def qtilde(self, mu):
        if self.bound[0] > mu:
            return 0.0
        return max(self.cond(mu)[1] - self.bound_t, 0)
    def sigma_mu(self):
        return math.sqrt(np.linalg.inv(hessian(self.win, self.free, list(range(len(self.free)))))[0, 0])

def cls_obs(q, qa):
    # CCGV eq. 66-67 with CLs = p_mu / (1 - p_b)
    sq, sqa = math.sqrt(q), math.sqrt(qa)
    if q <= qa:
        clsb = stats.norm.sf(sq); clb = stats.norm.cdf(sqa - sq)
    else:
        clsb = stats.norm.sf((q + qa) / (2 * sqa)); clb = stats.norm.sf((q - qa) / (2 * sqa))
    return clsb / clb

def cls_limits(win, cl):
    alpha = 1 - cl
    pd = Profile(win)
    asimov_counts = win.s * 0 + (pd.bonly[0] * win.s + win.bkg(pd.bonly[1:])[0])
    wa = Window.__new__(Window); wa.__dict__.update(win.__dict__); wa.n = asimov_counts; wa.lgn = gammaln(asimov_counts + 1)
    pa = Profile(wa)
    sig = pd.sigma_mu()
    def bracket(f, x0):
        lo, hi = x0, x0
        while f(lo) > 0: lo /= 1.5
        while f(hi) < 0: hi *= 1.5
        return lo, hi
    expected = []
    for N in [-2, -1, 0, 1, 2]:
        target = stats.norm.ppf(1 - alpha * stats.norm.cdf(N)) + N
        f = lambda mu: math.sqrt(pa.qtilde(mu)) - target
        lo, hi = bracket(f, max(target * sig, 1e-3))
        expected.append(optimize.brentq(f, lo, hi, xtol=1e-12, rtol=1e-12))
    g = lambda mu: alpha - cls_obs(pd.qtilde(mu), pa.qtilde(mu))
    lo, hi = bracket(g, expected[2])
    observed = optimize.brentq(g, lo, hi, xtol=1e-12, rtol=1e-12)
    return pd, pa, asimov_counts, observed, expected, sig

def bayes_limit(win, pd, cl):
    """d = 2 background parameters: dblquad marginal on a mu grid, spline CDF."""
    sig = pd.sigma_mu()
    ref = pd.bound_t / 2
    mu_max = max(pd.bound[0], 0) + 14 * sig
    grid = np.linspace(0, mu_max, 121)
    vals = []
    start = pd.bound
    for mu in grid:
        x, _ = minimise(win, start, fixed_mu=mu)
        start = x
        cov = np.linalg.inv(hessian(win, x, [1, 2]))
        s0, s1 = 10 * math.sqrt(cov[0, 0]), 10 * math.sqrt(cov[1, 1])
        f = lambda t1, t0: math.exp(-(win.nll(np.array([mu, t0, t1])) - ref))
        v, _ = integrate.dblquad(f, x[1] - s0, x[1] + s0, x[2] - s1, x[2] + s1, epsabs=0, epsrel=1e-9)
        vals.append(v)
    vals = np.array(vals)
    assert vals[-1] < 1e-12 * vals.max()
    spline = interpolate.CubicSpline(grid, vals)
    anti = spline.antiderivative()
    total = anti(mu_max)
    return optimize.brentq(lambda u: anti(u) - cl * total, 0, mu_max, xtol=1e-12), mu_max

def order_choice(edges, counts, family, mass, sigma, max_order=4):
    edges = np.asarray(edges)
    centres = (edges[:-1] + edges[1:]) / 2
    keep = np.abs(centres - mass) > 2 * sigma
    t2, ps, prev = [], [], None
    chosen = max_order
    for order in range(0, max_order + 1):
        win = Window(edges, counts, family, order, None, 1.0, keep)
        x0 = win.start() if prev is None else np.concatenate([prev, [0.0]])
        x, t = minimise(win, x0, fixed_mu=0.0)
        t2.append(t)
        if prev is not None:
            p = stats.chi2.sf(max(t2[-2] - t, 0), 1)
            ps.append(p)
            if p > 0.05:
                chosen = order - 1
                break
        prev = x
    return chosen, t2, ps

def make_cases():
    rng = np.random.default_rng(20261204)
    cases = []
    def add(name, edges, expect, family, order, mass, sigma, bayes):
        counts = rng.poisson(expect).astype(float)
        cases.append(dict(name=name, edges=list(map(float, edges)), counts=list(map(float, counts)), family=family,
                          order=order, mass=mass, sigma=sigma, bayes=bayes))
    e = np.linspace(1.0, 5.0, 41); c = (e[:-1] + e[1:]) / 2
    add("background_only_poly2", e, 120 * np.exp(-0.35 * (c - 1)) + 5 * (c - 3) ** 2, "polynomial", 2, 3.0, 0.12, False)
    sig = 60 * (stats.norm.cdf((e[1:] - 2.2) / 0.1) - stats.norm.cdf((e[:-1] - 2.2) / 0.1))
    add("injected_signal_expo1", e, 90 * np.exp(-0.4 * (c - 1)) + sig, "exponential-polynomial", 1, 2.2, 0.1, True)
    e = np.linspace(6.0, 9.0, 31); c = (e[:-1] + e[1:]) / 2
    add("low_count_expo1", e, 4.0 * np.exp(-0.25 * (c - 6)), "exponential-polynomial", 1, 7.5, 0.15, True)
    e = np.linspace(0.5, 3.0, 51); c = (e[:-1] + e[1:]) / 2
    add("curved_poly3", e, 40 + 120 * (c - 1.6) ** 2 + 30 * (c - 1.6) ** 3, "polynomial", 3, 1.8, 0.05, False)
    e = np.linspace(2.0, 3.0, 26); c = (e[:-1] + e[1:]) / 2
    add("background_only_poly1", e, 30 - 8 * (c - 2), "polynomial", 1, 2.51, 0.04, True)
    return cases

def main():
    out = {"cl": 0.95, "cases": []}
    for case in make_cases():
        print(case["name"], file=sys.stderr)
        win = Window(case["edges"], case["counts"], case["family"], case["order"], case["mass"], case["sigma"])
        pd, pa, asimov, observed, expected, sig = cls_limits(win, out["cl"])
        chk = win.twice_nll_scipy(pd.free)
        assert abs(chk - pd.free_t) < 1e-8 * abs(chk), (chk, pd.free_t)
        mus = [m for m in [pd.free[0] - sig, 0.0, pd.free[0] + 0.5 * sig, pd.free[0] + sig, pd.free[0] + 2 * sig]]
        curve = []
        for mu in mus:
            try:
                curve.append([float(mu), float(pd.curve(mu))])
            except Exception:
                pass
        q0 = 0.0 if pd.bound[0] <= 0 else max(pd.cond(0.0)[1] - pd.bound_t, 0)
        z_signed = math.copysign(math.sqrt(pd.curve(0.0)), pd.free[0])
        res = dict(case)
        res.update(signal_template=list(map(float, win.s)), free_fit=list(map(float, pd.free)), free_twice_nll=float(pd.free_t),
                   bounded_mu=float(pd.bound[0]), mu_uncertainty=float(sig), profile_curve=curve,
                   cls_observed=float(observed), cls_expected=list(map(float, expected)), q0=float(q0), signed_z=float(z_signed),
                   asimov_counts=list(map(float, asimov)))
        if case["bayes"]:
            res["bayes_limit"], res["bayes_mu_max"] = map(float, bayes_limit(win, pd, out["cl"]))
        chosen, t2, ps = order_choice(case["edges"], case["counts"], case["family"], case["mass"], case["sigma"])
        res.update(chosen_order=chosen, order_twice_nll=list(map(float, t2)), order_p_values=list(map(float, ps)))
        print(json.dumps({k: v for k, v in res.items() if k not in ("edges", "counts", "signal_template", "asimov_counts")}), file=sys.stderr)
        out["cases"].append(res)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "window_fit_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)

if __name__ == "__main__":
    main()
