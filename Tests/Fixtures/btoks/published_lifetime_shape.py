#!/usr/bin/env python3
"""Write published_lifetime_shape.json: the relative signal efficiency versus c tau implied by
the published Belle II limits (belle2_2023_limits.json, from HEPData ins2665757), and the
simple fiducial model that reproduces it. docs/physics/b-to-k-s.md, sections 1.2 and 5.

Reasoning (an inference, not a published number): where the background is close to zero the
95% CL limit on BF x BF is ~ N_up / (N_B eps), with the same N_up at every c tau of a given
mass window (same data, same window), so limit(best c tau) / limit(c tau) = eps(c tau) /
eps(best). This ratio is computed per channel at the published masses nearest to 0.3 and
1.0 GeV for every published c tau >= 0.01 cm (at shorter lifetimes the prompt background
makes N_up differ).

Fiducial model: the S from B -> K S (two-body, isotropic in the B frame, B at rest in the
CMS, CMS boosted with beta gamma = 0.2835 along z: 7.004 x 4.002 GeV beams) decays at a
transverse radius drawn from the exponential law with mean beta gamma_T c tau; the event
counts if r_min < r_T < r_max. eps_model(c tau) is the average of
exp(-r_min / (bg_T c tau)) - exp(-r_max / (bg_T c tau)) over the S directions (fixed seed,
4000 directions). (r_min, r_max) are fitted on a grid by least squares in log(ratio).

Run: python3 published_lifetime_shape.py   (standard library only; reads the fixture next to it)
"""
import json
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
M_B = {"kplus": 5.27934, "kstar0": 5.27965}
M_K = {"kplus": 0.493677, "kstar0": 0.89555}
BETA_GAMMA_CMS = 0.2835
R_MIN_GRID = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0]
R_MAX_GRID = [5, 8, 10, 12, 15, 17, 20, 25, 30, 40, 60, 80]


def transverse_betagammas(m_b, m_k, m_s, n=4000, seed=1):
    lam = (m_b ** 2 - (m_s + m_k) ** 2) * (m_b ** 2 - (m_s - m_k) ** 2)
    p = math.sqrt(lam) / (2 * m_b)
    rnd = random.Random(seed)
    # pT is unchanged by the boost along z
    return [p * math.sqrt(1 - (2 * rnd.random() - 1) ** 2) / m_s for _ in range(n)]


def model(bgts, ctau, r_min, r_max):
    tot = 0.0
    for bg in bgts:
        lam = max(bg * ctau, 1e-12)
        tot += math.exp(-r_min / lam) - math.exp(-r_max / lam)
    return tot / len(bgts)


def main():
    fixture = json.load(open(os.path.join(HERE, "belle2_2023_limits.json")))
    out = {"what": __doc__.split("\n\n")[0], "source": "belle2_2023_limits.json", "channels": {}}
    for key, ch in fixture["channels"].items():
        if "lifetimes" not in ch:
            continue
        prod = key.split("_")[0]
        entry = {}
        for target in (0.3, 1.0):
            ratios = {}
            mass = None
            for lt in ch["lifetimes"]:
                if lt["ctau_cm"] < 0.01:
                    continue
                pts = [p for p in lt["points"] if abs(p["mass_gev"] - target) < 0.01]
                if not pts:
                    continue
                p = min(pts, key=lambda q: abs(q["mass_gev"] - target))
                mass = mass or p["mass_gev"]
                ratios[lt["ctau_cm"]] = p["observed"]
            if not ratios:
                continue
            best = min(ratios.values())
            rel = {c: best / v for c, v in ratios.items()}
            bgts = transverse_betagammas(M_B[prod], M_K[prod], mass)
            fit = None
            for r_min in R_MIN_GRID:
                for r_max in R_MAX_GRID:
                    eps = {c: model(bgts, c, r_min, r_max) for c in rel}
                    top = max(eps.values())
                    ss = sum((math.log(rel[c]) - math.log(max(eps[c] / top, 1e-12))) ** 2 for c in rel)
                    if fit is None or ss < fit[0]:
                        fit = (ss, r_min, r_max, {c: eps[c] / top for c in rel})
            ss, r_min, r_max, eps_rel = fit
            entry[f"m{target}"] = {
                "mass_gev": mass,
                "published_relative_efficiency": [{"ctau_cm": c, "ratio": round(rel[c], 4)} for c in sorted(rel)],
                "fiducial_fit": {"r_min_cm": r_min, "r_max_cm": r_max,
                                 "rms_log_ratio": round(math.sqrt(ss / len(rel)), 4),
                                 "model_relative_efficiency": [{"ctau_cm": c, "ratio": round(eps_rel[c], 4)} for c in sorted(rel)]},
            }
            print(f"{key:12s} m={mass:.4f}: r_T in [{r_min}, {r_max}] cm, rms log ratio {math.sqrt(ss / len(rel)):.3f}")
        out["channels"][key] = entry
    path = os.path.join(HERE, "published_lifetime_shape.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
