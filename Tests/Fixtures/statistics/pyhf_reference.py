#!/usr/bin/env python3
"""Reference HistFactory results from pyhf 0.7.6 (numpy backend).

Writes pyhf_workspaces/<name>.json (pyhf JSON workspaces, schema version 1.0.0) and
pyhf_reference.json (results).  See README.md for the schema.

Per workspace (and per interpolation-code variant, see below):
  * parameter order / names / suggested init, bounds, fixed; auxdata
  * MLE (pyhf.infer.mle.fit, return_uncertainties=True) with the minuit optimizer
    (iminuit, pyhf's defaults: errordef=1 on the twice_nll objective, strategy 1,
    tolerance 1e-4 here) -> best-fit values, Hesse uncertainties, twice_nll;
    the same fit with scipy SLSQP (tolerance 1e-12) is stored as a cross-check
  * p0: pyhf.infer.hypotest(0, ..., test_stat='q0') (observed and expected)
  * CLs at mu = 1 (test_stat 'qtilde', asymptotics): observed and expected set
  * CLs upper limits at 95% and 90% CL (observed + 5 expected band values):
      - reference: brentq root of CLs(mu) - alpha with pyhf.infer.hypotest
        (xtol 1e-9, scipy SLSQP tolerance 1e-12)
      - pyhf.infer.intervals.upper_limits.toms748_scan(data, model, lo, hi, level=alpha)
        (pyhf default rtol=1e-4), same optimizer; its evaluations bracket the brentq roots
      - pyhf.infer.intervals.upper_limits.upper_limit(data, model, level=alpha): stored too,
        but in pyhf 0.7.6 this call (scan=None) ignores `level` and returns 95% limits
Interpolation codes: pyhf.Model's *actual* defaults are normsys 'code4' and histosys
'code4p' (pyhf/pdf.py default_modifier_settings), NOT code1/code0 (the modifiers'
own constructor defaults).  Everything is computed with those defaults
("default" variant); the two counting workspaces are also evaluated with
modifier_settings normsys code1 / histosys code0 ("code1_code0" variant).

Run:  python3 pyhf_reference.py
"""
import json
import os
import sys

import numpy as np
import pyhf
import scipy
from scipy import optimize, stats

HERE = os.path.dirname(os.path.abspath(__file__))
WSDIR = os.path.join(HERE, "pyhf_workspaces")
SCIPY_OPT = pyhf.optimize.scipy_optimizer(tolerance=1e-12)
MINUIT_TOL = 1e-6
HYPO_OPT = {}  # per-workspace optimizer for hypotests (set in analyse)


def meas(poi="mu", parameters=None):
    return [{"name": "meas", "config": {"poi": poi, "parameters": parameters or []}}]


def ws(channels, observations, parameters=None):
    # POI bounds widened from pyhf's default [0, 10] so that every +2 sigma limit is inside
    parameters = parameters or [{"name": "mu", "bounds": [[0.0, 50.0]]}]
    return {"channels": channels, "observations": observations,
            "measurements": meas(parameters=parameters), "version": "1.0.0"}


def r4(a):
    return [round(float(x), 4) for x in a]


def build_workspaces():
    W = {}
    # 1. counting, relative background uncertainty 30% as histosys (n=5, b=3, s = mu * 1 event)
    W["counting_histosys"] = ws(
        [{"name": "SR", "samples": [
            {"name": "signal", "data": [1.0], "modifiers": [{"name": "mu", "type": "normfactor", "data": None}]},
            {"name": "background", "data": [3.0], "modifiers": [
                {"name": "bkg_unc", "type": "histosys", "data": {"hi_data": [3.9], "lo_data": [2.1]}}]}]}],
        [{"name": "SR", "data": [5.0]}])
    # 2. same counting experiment, 30% as normsys
    W["counting_normsys"] = ws(
        [{"name": "SR", "samples": [
            {"name": "signal", "data": [1.0], "modifiers": [{"name": "mu", "type": "normfactor", "data": None}]},
            {"name": "background", "data": [3.0], "modifiers": [
                {"name": "bkg_unc", "type": "normsys", "data": {"hi": 1.3, "lo": 0.7}}]}]}],
        [{"name": "SR", "data": [5.0]}])
    # 3. one bin, normsys on signal and (asymmetric) on background; small excess
    W["onebin_normsys"] = ws(
        [{"name": "SR", "samples": [
            {"name": "signal", "data": [6.0], "modifiers": [
                {"name": "mu", "type": "normfactor", "data": None},
                {"name": "sig_eff", "type": "normsys", "data": {"hi": 1.1, "lo": 0.9}}]},
            {"name": "background", "data": [20.0], "modifiers": [
                {"name": "bkg_norm", "type": "normsys", "data": {"hi": 1.15, "lo": 0.88}}]}]}],
        [{"name": "SR", "data": [28.0]}])
    # 4. five bins, shapesys (Poisson-constrained per-bin) on background; deficit
    W["shapesys_5bin"] = ws(
        [{"name": "SR", "samples": [
            {"name": "signal", "data": [1.0, 3.0, 6.0, 3.0, 1.0], "modifiers": [
                {"name": "mu", "type": "normfactor", "data": None}]},
            {"name": "background", "data": [30.0, 25.0, 20.0, 15.0, 10.0], "modifiers": [
                {"name": "bkg_shape_unc", "type": "shapesys", "data": [3.0, 3.0, 2.5, 2.0, 2.0]}]}]}],
        [{"name": "SR", "data": [28.0, 22.0, 18.0, 16.0, 9.0]}])
    # 5. five bins, staterror on both samples (combined per bin) + normsys; excess in the middle
    W["staterror_5bin"] = ws(
        [{"name": "SR", "samples": [
            {"name": "signal", "data": [0.5, 2.0, 5.0, 2.0, 0.5], "modifiers": [
                {"name": "mu", "type": "normfactor", "data": None},
                {"name": "staterror_SR", "type": "staterror", "data": [0.2, 0.4, 0.6, 0.4, 0.2]}]},
            {"name": "background", "data": [12.0, 10.0, 8.0, 6.0, 4.0], "modifiers": [
                {"name": "staterror_SR", "type": "staterror", "data": [1.5, 1.2, 1.0, 0.9, 0.8]},
                {"name": "bkg_norm", "type": "normsys", "data": {"hi": 1.1, "lo": 0.9}}]}]}],
        [{"name": "SR", "data": [13.0, 12.0, 12.0, 7.0, 4.0]}])
    # 6. three bins with lumi; measurement parameter settings for lumi (auxdata/sigmas/bounds/inits) and mu bounds
    W["lumi_3bin"] = ws(
        [{"name": "SR", "samples": [
            {"name": "signal", "data": [3.0, 5.0, 3.0], "modifiers": [
                {"name": "mu", "type": "normfactor", "data": None},
                {"name": "lumi", "type": "lumi", "data": None}]},
            {"name": "bkg_mc", "data": [10.0, 8.0, 6.0], "modifiers": [
                {"name": "lumi", "type": "lumi", "data": None},
                {"name": "bkg_mc_xsec", "type": "normsys", "data": {"hi": 1.08, "lo": 0.93}}]},
            {"name": "bkg_dd", "data": [4.0, 4.0, 4.0], "modifiers": [
                {"name": "bkg_dd_shape", "type": "histosys",
                 "data": {"hi_data": [4.8, 4.4, 4.0], "lo_data": [3.2, 3.6, 4.0]}}]}]}],
        [{"name": "SR", "data": [15.0, 14.0, 11.0]}],
        parameters=[
            {"name": "lumi", "auxdata": [1.0], "sigmas": [0.05], "bounds": [[0.75, 1.25]], "inits": [1.0]},
            {"name": "mu", "bounds": [[0.0, 20.0]], "inits": [1.0]}])
    # 7. benchmark: 20 bins, 3 samples
    nb = 20
    x = (np.arange(nb) + 0.5) / nb
    sig = 25.0 * np.exp(-0.5 * ((x - 0.55) / 0.08) ** 2) / np.sum(np.exp(-0.5 * ((x - 0.55) / 0.08) ** 2))
    b1 = 120.0 * np.exp(-3.0 * x)
    b2 = 6.0 + 2.0 * x
    b1_hi = b1 * (1.0 + 0.10 * (x - 0.5))          # tilt
    b1_lo = b1 * (1.0 - 0.08 * (x - 0.5))
    b2_hi = b2 * (1.0 + 0.05 + 0.05 * x)
    b2_lo = b2 * (1.0 - 0.04 - 0.06 * x)
    b1_stat = 0.04 * b1 + 0.3
    b2_stat = 0.08 * b2
    sig, b1, b2, b1_hi, b1_lo, b2_hi, b2_lo, b1_stat, b2_stat = map(
        r4, (sig, b1, b2, b1_hi, b1_lo, b2_hi, b2_lo, b1_stat, b2_stat))
    rng = np.random.RandomState(20240611)  # first seed >= 20240607 giving a ~1 sigma excess
    lam = np.array(b1) + np.array(b2) + 0.4 * np.array(sig)   # background + a small signal-like excess
    obs = [float(v) for v in rng.poisson(lam)]
    W["benchmark_20bin"] = ws(
        [{"name": "SR", "samples": [
            {"name": "signal", "data": sig, "modifiers": [{"name": "mu", "type": "normfactor", "data": None}]},
            {"name": "bkg_falling", "data": b1, "modifiers": [
                {"name": "bkg_falling_norm", "type": "normsys", "data": {"hi": 1.07, "lo": 0.94}},
                {"name": "bkg_falling_shape", "type": "histosys", "data": {"hi_data": b1_hi, "lo_data": b1_lo}},
                {"name": "staterror_SR", "type": "staterror", "data": b1_stat}]},
            {"name": "bkg_flat", "data": b2, "modifiers": [
                {"name": "bkg_flat_norm", "type": "normsys", "data": {"hi": 1.2, "lo": 0.85}},
                {"name": "bkg_flat_shape", "type": "histosys", "data": {"hi_data": b2_hi, "lo_data": b2_lo}},
                {"name": "staterror_SR", "type": "staterror", "data": b2_stat}]}]}],
        [{"name": "SR", "data": obs}])
    return W


def tolist(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


def hypo(mu, data, model, cache):
    mu = float(mu)
    if mu not in cache:
        pyhf.set_backend("numpy", HYPO_OPT["opt"])
        cache[mu] = pyhf.infer.hypotest(mu, data, model, test_stat="qtilde", return_expected_set=True)
    return cache[mu]


def cls_limit(data, model, alpha, which, cache):
    """which = -1: observed; 0..4: expected band (-2,-1,0,+1,+2 sigma).
    brentq (xtol 1e-9) on CLs(mu) - alpha; the bracket is taken from hypotest values
    already computed (the toms748 scan's own evaluations seed the cache)."""
    def f(mu):
        obs, exp = hypo(mu, data, model, cache)
        v = obs if which < 0 else exp[which]
        return float(v) - alpha
    ks = sorted(cache)
    vals = [f(k) for k in ks]
    pos = [k for k, v in zip(ks, vals) if v > 0]
    neg = [k for k, v in zip(ks, vals) if v < 0]
    if not pos or not neg or max(pos) > min(neg):
        raise RuntimeError(f"no clean bracket for limit {which}")
    return optimize.brentq(f, max(pos), min(neg), xtol=1e-9, rtol=1e-12, maxiter=200)


def analyse(spec, modifier_settings=None, hypo_opt="scipy"):
    HYPO_OPT["opt"] = SCIPY_OPT if hypo_opt == "scipy" else pyhf.optimize.minuit_optimizer(tolerance=MINUIT_TOL)
    HYPO_OPT["desc"] = ("scipy SLSQP, tolerance 1e-12" if hypo_opt == "scipy"
                        else f"minuit (iminuit), tolerance {MINUIT_TOL}")
    cache = {}
    w = pyhf.Workspace(spec)
    kw = {} if modifier_settings is None else {"modifier_settings": modifier_settings}
    model = w.model(**kw)
    data = w.data(model)
    cfg = model.config
    res = {
        "poi": cfg.poi_name, "poi_index": cfg.poi_index,
        "par_order": list(cfg.par_order),
        "par_names": list(cfg.par_names),
        "suggested_init": tolist(cfg.suggested_init()),
        "suggested_bounds": [list(map(float, bnd)) for bnd in cfg.suggested_bounds()],
        "suggested_fixed": [bool(v) for v in cfg.suggested_fixed()],
        "auxdata": tolist(cfg.auxdata),
        "main_data": tolist(w.data(model, include_auxdata=False)),
        "modifier_settings": modifier_settings or {"normsys": {"interpcode": "code4"}, "histosys": {"interpcode": "code4p"}},
    }
    init = pyhf.tensorlib.astensor(cfg.suggested_init())
    pyhf.set_backend("numpy", SCIPY_OPT)
    res["logpdf_at_init"] = float(model.logpdf(init, data)[0])
    res["expected_actualdata_at_init"] = tolist(model.expected_actualdata(init))

    # MLE with minuit (Hesse uncertainties)
    pyhf.set_backend("numpy", pyhf.optimize.minuit_optimizer(tolerance=MINUIT_TOL))
    fitres, tnll = pyhf.infer.mle.fit(data, model, return_uncertainties=True, return_fitted_val=True)
    fitres = np.asarray(fitres)
    res["fit_minuit"] = {
        "optimizer": f"minuit (iminuit), tolerance={MINUIT_TOL}, errordef=1 on twice_nll, strategy 1",
        "bestfit": tolist(fitres[:, 0]), "uncertainties": tolist(fitres[:, 1]),
        "twice_nll": float(tnll),
        "mu_hat": float(fitres[cfg.poi_index, 0]), "mu_hat_uncertainty": float(fitres[cfg.poi_index, 1]),
    }
    # same fit with scipy (cross-check)
    pyhf.set_backend("numpy", SCIPY_OPT)
    bf, tnll_s = pyhf.infer.mle.fit(data, model, return_fitted_val=True)
    res["fit_scipy"] = {"optimizer": "scipy SLSQP, tolerance=1e-12", "bestfit": tolist(bf),
                        "twice_nll": float(tnll_s), "mu_hat": float(bf[cfg.poi_index])}
    res["expected_actualdata_at_bestfit"] = tolist(model.expected_actualdata(bf))

    # discovery
    pyhf.set_backend("numpy", HYPO_OPT["opt"])
    res["hypotest_optimizer"] = HYPO_OPT["desc"]
    p0_obs, p0_exp = pyhf.infer.hypotest(0.0, data, model, test_stat="q0", return_expected=True)
    res["p0_observed"] = float(p0_obs)
    res["p0_expected"] = float(p0_exp)
    res["z0_observed"] = float(stats.norm.isf(float(p0_obs)))
    # CLs at mu = 1
    obs1, exp1 = hypo(1.0, data, model, cache)
    res["cls_mu1_observed"] = float(obs1)
    res["cls_mu1_expected"] = tolist(exp1)

    for cl in (0.95, 0.90):
        alpha = round(1.0 - cl, 10)
        key = f"cl{int(round(cl * 100))}"
        pyhf.set_backend("numpy", HYPO_OPT["opt"])
        cache.clear()
        # NB pyhf 0.7.6 upper_limit(scan=None) does not pass `level` on to toms748_scan, so it
        # always returns the 95% limits; call it as documented AND call toms748_scan directly.
        ul_obs, ul_exp = pyhf.infer.intervals.upper_limits.upper_limit(data, model, level=alpha)
        poi_bounds = model.config.suggested_bounds()[model.config.poi_index]
        tm_obs, tm_exp, (scan, results) = pyhf.infer.intervals.upper_limits.toms748_scan(
            data, model, poi_bounds[0], poi_bounds[1], level=alpha, from_upper_limit_fn=True)
        for mu_k, r_k in zip(scan, results):
            cache[float(mu_k)] = r_k
        n_toms = len(cache)
        ref_obs = cls_limit(data, model, alpha, -1, cache)
        ref_exp = [cls_limit(data, model, alpha, k, cache) for k in range(5)]
        check = hypo(ref_obs, data, model, cache)
        res[key] = {
            "alpha": alpha,
            "observed_limit": ref_obs,
            "expected_limits": ref_exp,
            "method": f"brentq on pyhf.infer.hypotest CLs(mu) - alpha, xtol 1e-9, optimizer {HYPO_OPT['desc']}",
            "cls_at_observed_limit": float(check[0]),
            "n_hypotests": {"toms748": n_toms, "total": len(cache)},
            "pyhf_toms748_scan": {"observed": float(tm_obs), "expected": tolist(tm_exp),
                                  "call": f"pyhf.infer.intervals.upper_limits.toms748_scan(data, model, "
                                          f"{poi_bounds[0]}, {poi_bounds[1]}, level={alpha}) (rtol=1e-4, atol=2e-12)"},
            "pyhf_upper_limit_call": {"observed": float(ul_obs), "expected": tolist(ul_exp),
                                      "call": f"pyhf.infer.intervals.upper_limits.upper_limit(data, model, level={alpha}) "
                                              "(scan=None -> toms748_scan; pyhf 0.7.6 drops `level` here, so this is "
                                              "always the 95% CL result)"},
        }
    return res


def main():
    os.makedirs(WSDIR, exist_ok=True)
    W = build_workspaces()
    out = {
        "source": (f"pyhf_reference.py; pyhf {pyhf.__version__} numpy backend, asymptotic calculator, "
                   f"test_stat qtilde; python {sys.version.split()[0]}, numpy {np.__version__}, "
                   f"scipy {scipy.__version__}"),
        "versions": {"pyhf": pyhf.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
                     "iminuit": __import__("iminuit").__version__, "python": sys.version.split()[0]},
        "notes": [
            "pyhf.Model default interpolation codes: normsys code4, histosys code4p (pyhf/pdf.py); "
            "the 'default' variant uses them; 'code1_code0' sets modifier_settings normsys code1 / histosys code0.",
            "twice_nll = -2 log L including all constant terms (Poisson lgamma(n+1), Gaussian 1/sqrt(2 pi sigma^2), "
            "Poisson constraint of shapesys with non-integer aux data via lgamma).",
            "expected_limits order: -2, -1, 0, +1, +2 sigma (CLs_exp band as returned by pyhf, ascending in mu).",
        ],
        "workspaces": {},
    }
    for name, spec in W.items():
        path = os.path.join(WSDIR, f"{name}.json")
        with open(path, "w") as f:
            json.dump(spec, f, indent=1)
        variants = {"default": None}
        hopt = "minuit" if name == "benchmark_20bin" else "scipy"
        if name.startswith("counting_"):
            variants["code1_code0"] = {"normsys": {"interpcode": "code1"}, "histosys": {"interpcode": "code0"}}
        out["workspaces"][name] = {"file": f"pyhf_workspaces/{name}.json", "results": {}}
        for vname, ms in variants.items():
            r = analyse(spec, ms, hopt)
            out["workspaces"][name]["results"][vname] = r
            print(f"{name:20s} {vname:12s} mu_hat={r['fit_minuit']['mu_hat']:.6f}+-{r['fit_minuit']['mu_hat_uncertainty']:.6f} "
                  f"(scipy {r['fit_scipy']['mu_hat']:.6f}) 2nll={r['fit_minuit']['twice_nll']:.6f}/{r['fit_scipy']['twice_nll']:.6f} "
                  f"p0={r['p0_observed']:.4g} CLs(1)={r['cls_mu1_observed']:.5f} "
                  f"UL95={r['cl95']['observed_limit']:.6f} (toms748 {r['cl95']['pyhf_toms748_scan']['observed']:.6f}) "
                  f"exp={[round(v, 4) for v in r['cl95']['expected_limits']]} UL90={r['cl90']['observed_limit']:.6f} "
                  f"(toms748 {r['cl90']['pyhf_toms748_scan']['observed']:.6f}, upper_limit() {r['cl90']['pyhf_upper_limit_call']['observed']:.6f})",
                  flush=True)
    # the STATS.md counting comparison, n = 5, b = 3, r_b = 0.3, limit on s (events)
    comp = {}
    for name in ("counting_histosys", "counting_normsys"):
        for vname, r in out["workspaces"][name]["results"].items():
            comp[f"{name}/{vname}"] = {"cl95": r["cl95"]["observed_limit"], "cl90": r["cl90"]["observed_limit"]}
    out["counting_n5_b3_rb0.3_comparison"] = {
        "description": "observed CLs (qtilde, asymptotic) upper limit on s in events, n=5, b=3, 30% background "
                       "uncertainty as histosys vs normsys, with pyhf default codes and with code0/code1",
        "limits": comp,
    }
    with open(os.path.join(HERE, "pyhf_reference.json"), "w") as f:
        json.dump(out, f, indent=1)
    for k, v in comp.items():
        print(k, v)


if __name__ == "__main__":
    main()
