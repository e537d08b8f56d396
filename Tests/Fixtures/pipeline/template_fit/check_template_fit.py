#!/usr/bin/env python3
"""Independent check of DarkSector's binned template fit (SearchPipeline/TemplateFitLimits):
build the HistFactory model of the documented recipe with pyhf 0.7.6 from the same
templates, and compute the 90% CL asymptotic CLs limits on mu (q~_mu).

Recipe (TemplateFitLimits.swift): per angle channel c, signal = mu x 10 events distributed as
the efficiency template; normsys `signal_syst` with r = sqrt(r_s^2 + (stat. uncertainty of the
summed efficiency / summed efficiency)^2); background = simulated template floored at 1e-3
events per bin, normsys `background_syst` with r_b, staterror `mc_stat_c` on the background
(empty bins: 1e-4). Observations: the background template (Asimov, blinded).

    python3 Tests/Fixtures/pipeline/template_fit/check_template_fit.py > Tests/Fixtures/pipeline/template_fit/pyhf_template_fit_check.json
"""
import json
import math
import os

import numpy as np
import pyhf

HERE = os.path.dirname(os.path.abspath(__file__))


def workspace(p):
    t = p["templates"]
    nb = len(t["binning"]["edges"]) - 1
    nc = len(t["binning"]["channelEdges"]) - 1
    eff = t["signalEfficiency"]
    tot = sum(eff)
    k = 10.0 / tot
    stat = math.sqrt(sum(u * u for u in t["signalEfficiencyUncertainty"])) / tot
    rs = math.sqrt(p["relative_signal_uncertainty"] ** 2 + stat ** 2)
    rb = p["relative_background_uncertainty"]
    channels, observations = [], []
    for c in range(nc):
        r = range(c * nb, (c + 1) * nb)
        b = [max(t["background"][i], 1e-3) for i in r]
        bu = [t["backgroundUncertainty"][i] if t["background"][i] > 0 else 1e-4 for i in r]
        channels.append({"name": f"channel_{c}", "samples": [
            {"name": "signal", "data": [eff[i] * k for i in r], "modifiers": [
                {"name": "mu", "type": "normfactor", "data": None},
                {"name": "signal_syst", "type": "normsys", "data": {"hi": 1 + rs, "lo": max(1 - rs, 0.1)}}]},
            {"name": "background", "data": b, "modifiers": [
                {"name": "background_syst", "type": "normsys", "data": {"hi": 1 + rb, "lo": max(1 - rb, 0.1)}},
                {"name": f"mc_stat_{c}", "type": "staterror", "data": bu}]}]})
        observations.append({"name": f"channel_{c}", "data": b})
    return {"channels": channels, "observations": observations, "version": "1.0.0",
            "measurements": [{"name": "asimov", "config": {"poi": "mu", "parameters": [{"name": "mu", "bounds": [[0, 1000]]}]}}]}


def main():
    pyhf.set_backend("numpy")
    with open(os.path.join(HERE, "templates.json")) as f:
        points = json.load(f)["points"]
    out = {"source": f"pyhf {pyhf.__version__}, numpy backend, asymptotic qtilde, toms748_scan at level 0.10", "points": []}
    for p in points:
        ws = pyhf.Workspace(workspace(p))
        model = ws.model()
        data = ws.data(model)
        obs, exp = pyhf.infer.intervals.upper_limits.toms748_scan(data, model, 0.0, 100.0, level=0.10, atol=1e-10, rtol=1e-10)
        out["points"].append({"m_zprime": p["m_zprime"], "observed_mu_90": float(obs),
                              "expected_mu_90": [float(x) for x in np.asarray(exp)]})
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
