#!/usr/bin/env python3
"""Expected 90% Bayesian (flat prior) cross-section limits of every dark-Higgsstrahlung window
with 4.0 < M_A' < 9.7 GeV (M_A' + M_h' < 9.98 GeV) from a run's optimisation.json, without
the validate and limits stages (issue #23, used for docs/physics/dark-higgsstrahlung.md when
the full stages did not fit the session): n = Poisson median of b; efficiency and background
nuisances as truncated Gaussians (16 Gauss-Hermite nodes, negative nodes dropped); relative
uncertainties: trigger 6%, tracking 4%, muon ID 4%, luminosity 0.7%, interpolation 5% on the
signal with its MC error, 2% on the background with its MC error; the two control-sample
systematics (mumu_yield, background_suppression) are left out. sigma_up = s_up / (eff L).
`check` compares s_up with scipy's nested quadrature on the 39 cases of
expected_limits_8fb_scipy.json (largest difference 3.5%).

    python3 expected_limits_from_optimisation.py check
    python3 expected_limits_from_optimisation.py before '<run>/optimisation.json' after '<run2>/optimisation.json'
"""
import json, sys, glob, math
import numpy as np
from scipy import stats, special

GH_X, GH_W = np.polynomial.hermite_e.hermegauss(16)   # probabilists' nodes
GH_W = GH_W / GH_W.sum()

def s_up(n, b, rs, rb, cl=0.90):
    eps = 1 + rs * GH_X; we = GH_W * (eps > 0); eps = np.clip(eps, 1e-12, None)
    bb = b * (1 + rb * GH_X) if b > 0 else np.zeros_like(GH_X); wb = GH_W * (bb >= 0); bb = np.clip(bb, 0, None)
    top = (n + b + 8 * math.sqrt(n + b + 1) + 8) * 3
    s = np.linspace(0, top, 8001)
    mu = s[:, None, None] * eps[None, :, None] + bb[None, None, :] + 1e-300
    like = np.exp(n * np.log(mu) - mu - special.gammaln(n + 1))
    post = (like * we[None, :, None] * wb[None, None, :]).sum(axis=(1, 2))
    c = np.cumsum(post); c /= c[-1]
    return float(np.interp(cl, c, s))

def check_fixture():
    ref = json.load(open('/work/main/Tests/Fixtures/darkhiggs/expected_limits_8fb_scipy.json'))
    worst = 0
    for c in ref["cases"]:
        v = s_up(c["n"], c["b"], c["r_s"], c["r_b"] if c["b"] > 0 else 0)
        worst = max(worst, abs(v / c["upper_limit"] - 1))
    print("fixture check: %d cases, largest relative difference from scipy nested quad %.2e" % (len(ref["cases"]), worst))

SIG_SYS = math.sqrt(0.06**2 + 0.04**2 + 0.04**2 + 0.007**2 + 0.05**2)   # trigger, tracking, muon ID, lumi, interpolation
BKG_SYS = 0.02                                                            # background before suppression

def run(path, lumi=8.34):
    o = json.load(open(path))
    out = []
    cache = {}
    for r in o["results"]:
        p = r["hypothesis"]["parameters"]; mA, mh = p["m_aprime"], p["m_hprime"]
        if not (4.0 < mA < 9.7) or mA + mh > 10.58 - 0.6: continue
        eff = r["signalEfficiency"]; b = r["expectedBackground"]
        if eff <= 0: out.append((mA, mh, float('inf'), eff, b)); continue
        rs = math.sqrt(SIG_SYS**2 + (r["signalEfficiencyUncertainty"] / eff) ** 2)
        rb = math.sqrt(BKG_SYS**2 + (r["backgroundUncertainty"] / b) ** 2) if b > 0 else 0
        n = int(stats.poisson.ppf(0.5, b)) if b > 0 else 0
        key = (n, round(b, 4), round(rs, 3), round(rb, 3))
        if key not in cache: cache[key] = s_up(*key)
        out.append((mA, mh, cache[key] / (eff * lumi), eff, b))
    return out

def summary(rows, label):
    v = np.array(sorted(x[2] for x in rows))
    q = lambda f: v[min(len(v) - 1, int(round(f * (len(v) - 1))))]
    low = np.array([x[2] for x in rows if x[1] < 0.5])
    print("%s: %d windows; sigma_90 expected [fb]: min %.2f p5 %.2f median %.2f p95 %.2f max %.3g; >10 fb: %d; outside [0.85, 10]: %d; M_h'<0.5 GeV: %d windows, median %.2f, max %.3g" % (
        label, len(v), v[0], q(.05), q(.5), q(.95), v[-1], (v > 10).sum(), ((v < 0.85) | (v > 10)).sum(), len(low), np.median(low), low.max()))
    return v

if __name__ == "__main__":
    if sys.argv[1] == "check": check_fixture(); sys.exit()
    res = {}
    for label, path in zip(sys.argv[1::2], sys.argv[2::2]):
        rows = run(glob.glob(path)[0]); res[label] = rows
        summary(rows, label)
        worst = sorted(rows, key=lambda x: -x[2])[:6]
        for w in worst: print("   worst: M_A' %.2f M_h' %.3f limit %.3g fb eff %.4f B %.2f" % w)
        for mA in [4.5, 5.5, 6.5, 7.5, 8.5, 9.5]:
            z = [x for x in rows if x[1] == 0 and abs(x[0] - mA) < 0.15]
            if z: x = min(z, key=lambda x: abs(x[0] - mA)); print("   M_h'=0, M_A' %.2f: limit %.3g fb, eff %.4f, B %.2f" % x[:2] + (x[2], x[3], x[4]) if False else "   M_h'=0, M_A' %.2f: limit %.3g fb, eff %.4f, B %.2f" % (x[0], x[2], x[3], x[4]))
    
