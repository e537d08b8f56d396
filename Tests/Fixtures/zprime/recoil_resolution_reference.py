#!/usr/bin/env python3
"""Independent estimate of the Z' recoil-mass core resolution from the detector
parametrisation in Conditions/mc.yaml, for ZPrimeResolutionTests (no DarkSector code).

What is propagated (numpy Monte Carlo of the kinematics, then the same smearing formulas the
parametrisation states, then the recoil mass exactly as the search defines it):
- beams: HER 7.004 GeV at +41.5 mrad, LER 4.002 GeV at pi - 41.5 mrad in the x-z plane,
  Gaussian energy spreads 5.13 and 2.375 MeV (PHYSICS.md, basf2 Y4S presets); the recoil is
  computed against the nominal beams, so the spread is part of the resolution;
- ISR in the soft-photon (Kuraev-Fadin leading) approximation: v = E_gamma / E_beam drawn
  from beta v^(beta - 1) on (0, 1), beta = (2 alpha / pi)(ln(s / m_e^2) - 1), photon along
  either beam; the recoil then contains the photon (M_rec pushed up);
- kinematics: e+e- -> mu+ mu- Z' by flat three-body phase space in the (ISR-reduced) CMS,
  not the radiation matrix element (a stated difference);
- detector (mc.yaml, tracking): sigma(pT)/pT = a pT (+) b / beta, sigma(theta) =
  sigma(phi) = c (+) d / (p beta), a = 0.0011/GeV, b = 0.0025, c = 0.3 mrad, d = 1.7 mrad GeV
  (read from the file, so a change there changes this reference);
- selection: both muons in the ECL barrel, 32.2 < theta_lab < 128.7 deg (the dimuon
  preselection's acceptance cuts; trigger, identification and vetoes are not modelled);
- M2_rec = s + M2_mumu - 2 sqrt(s) (E*_1 + E*_2) with the nominal s and CMS frame,
  M_rec = sign(M2_rec) sqrt(|M2_rec|); core width = half the central 68.27% interval of
  M_rec - M_Z' (as `CoreResolution.sigma`).

Run:  python3 recoil_resolution_reference.py   (writes recoil_resolution_reference.json;
      numpy, PyYAML; seconds)
"""
import json
import math
import os

import numpy as np
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
M_MU, M_E, ALPHA = 0.1056583755, 0.000510998950, 1 / 137.035999
E_HER, E_LER, CROSS = 7.004, 4.002, 0.0415
SPREAD_HER, SPREAD_LER = 0.00513, 0.002375
MASSES = [0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
EVENTS = 400_000
SEED = 20231
BARREL = (32.2, 128.7)


def four(E, px, py, pz):
    return np.stack([E, px, py, pz], axis=-1)


def beam(energy, angle, mass=M_E):
    p = np.sqrt(energy ** 2 - mass ** 2)
    return four(energy, p * np.sin(angle), np.zeros_like(energy), p * np.cos(angle))


def boost(v, beta):
    """Lorentz boost of four-vectors v by velocity beta (both arrays, ... x 4 and ... x 3)."""
    b2 = np.sum(beta ** 2, axis=-1, keepdims=True)
    gamma = 1 / np.sqrt(1 - b2)
    bp = np.sum(beta * v[..., 1:], axis=-1, keepdims=True)
    g2 = np.where(b2 > 0, (gamma - 1) / np.where(b2 > 0, b2, 1), 0.0)
    p = v[..., 1:] + g2 * bp * beta + gamma * beta * v[..., :1]
    return np.concatenate([gamma * (v[..., :1] + bp), p], axis=-1)


def isotropic(rng, n):
    c = rng.uniform(-1, 1, n)
    phi = rng.uniform(0, 2 * math.pi, n)
    s = np.sqrt(1 - c ** 2)
    return np.stack([s * np.cos(phi), s * np.sin(phi), c], axis=-1)


def two_body(M, m1, m2):
    return np.sqrt(np.maximum((M ** 2 - (m1 + m2) ** 2) * (M ** 2 - (m1 - m2) ** 2), 0)) / (2 * M)


def mass2(v):
    return v[..., 0] ** 2 - np.sum(v[..., 1:] ** 2, axis=-1)


def core_sigma(x):
    lo, hi = np.quantile(x, [0.158655, 0.841345])
    return (hi - lo) / 2


def resolution(mass, tracking, rng, isr=True, spread=True):
    n = EVENTS
    # Beams with energy spread; nominal beams for the analysis frame.
    eh = E_HER + (rng.normal(0, SPREAD_HER, n) if spread else 0)
    el = E_LER + (rng.normal(0, SPREAD_LER, n) if spread else 0)
    her, ler = beam(np.asarray(eh, float) * np.ones(n), CROSS), beam(np.asarray(el, float) * np.ones(n), math.pi - CROSS)
    total = her + ler
    nominal = beam(np.array(E_HER), CROSS) + beam(np.array(E_LER), math.pi - CROSS)
    s_nom = float(mass2(nominal))
    beta_lab = total[:, 1:] / total[:, :1]               # CMS -> lab of each event
    sqrt_s = np.sqrt(mass2(total))
    # ISR: soft-photon spectrum, photon along the e- (+z in the CMS) or e+ direction.
    if isr:
        b = 2 * ALPHA / math.pi * (math.log(s_nom / M_E ** 2) - 1)
        v = rng.uniform(0, 1, n) ** (1 / b)
        v = np.minimum(v, 1 - ((mass + 2 * M_MU) / sqrt_s) ** 2 - 1e-9)
    else:
        v = np.zeros(n)
    k = v * sqrt_s / 2                                   # photon energy in the CMS (collinear)
    side = np.where(rng.uniform(0, 1, n) < 0.5, 1.0, -1.0)
    photon = four(k, np.zeros(n), np.zeros(n), side * k)
    system = four(sqrt_s, np.zeros(n), np.zeros(n), np.zeros(n)) - photon
    W = np.sqrt(mass2(system))
    # Flat three-body phase space (mu mu)(Z'): m_mumu by accept-reject on p* p*_mumu.
    lo, hi = 2 * M_MU, W - mass
    m12 = lo + (hi - lo) * rng.uniform(0, 1, n)
    weight = two_body(W, m12, mass) * two_body(m12, M_MU, M_MU)
    wmax = two_body(W, lo + 0.5 * (hi - lo), mass) * two_body(W - mass, M_MU, M_MU) * 1.2
    keep = rng.uniform(0, 1, n) * np.maximum(wmax, weight) < weight
    p_pair = two_body(W, m12, mass)[:, None] * isotropic(rng, n)
    pair = np.concatenate([np.sqrt(m12 ** 2 + np.sum(p_pair ** 2, axis=-1))[:, None], p_pair], axis=-1)
    q = two_body(m12, M_MU, M_MU)[:, None] * isotropic(rng, n)
    mu1 = np.concatenate([np.sqrt(M_MU ** 2 + np.sum(q ** 2, axis=-1))[:, None], q], axis=-1)
    mu2 = mu1 * np.array([1, -1, -1, -1])
    beta_pair = pair[:, 1:] / pair[:, :1]
    mu1, mu2 = boost(mu1, beta_pair), boost(mu2, beta_pair)
    beta_sys = system[:, 1:] / system[:, :1]              # ISR recoil of the system (in the CMS)
    mu1, mu2 = boost(mu1, beta_sys), boost(mu2, beta_sys)
    mu1, mu2 = boost(mu1, beta_lab), boost(mu2, beta_lab)
    # Detector smearing in the lab, then the barrel acceptance on the measured angles.
    a, bb = tracking["a"], tracking["b"]
    c, d = tracking["c"] * 1e-3, tracking["d"] * 1e-3
    measured, theta_ok = [], np.ones(n, bool)
    for mu in (mu1, mu2):
        p = np.sqrt(np.sum(mu[:, 1:] ** 2, axis=-1))
        beta = p / mu[:, 0]
        theta = np.arccos(mu[:, 3] / p)
        phi = np.arctan2(mu[:, 2], mu[:, 1])
        pt = p * np.sin(theta)
        pt = pt * (1 + rng.normal(0, 1, n) * np.sqrt(a ** 2 * pt ** 2 + bb ** 2 / beta ** 2))
        sig_ang = np.sqrt(c ** 2 + d ** 2 / (p * beta) ** 2)
        theta = theta + rng.normal(0, 1, n) * sig_ang
        phi = phi + rng.normal(0, 1, n) * sig_ang
        pm = pt / np.sin(theta)
        deg = np.degrees(theta)
        theta_ok &= (deg > BARREL[0]) & (deg < BARREL[1])
        measured.append(four(np.sqrt(pm ** 2 + M_MU ** 2), pt * np.cos(phi), pt * np.sin(phi), pm * np.cos(theta)))
    beta_nom = -nominal[1:] / nominal[0]
    star = [boost(m, np.broadcast_to(beta_nom, m[:, 1:].shape)) for m in measured]
    m2mumu = mass2(measured[0] + measured[1])
    m2rec = s_nom + m2mumu - 2 * math.sqrt(s_nom) * (star[0][:, 0] + star[1][:, 0])
    mrec = np.sign(m2rec) * np.sqrt(np.abs(m2rec))
    sel = keep & theta_ok
    return core_sigma(mrec[sel] - mass), int(sel.sum())


def main():
    with open(os.path.join(ROOT, "Conditions", "mc.yaml")) as f:
        mc = yaml.safe_load(f)
    t = mc["tracking"]
    tracking = {"a": t["momentum_resolution"]["a"]["value"], "b": t["momentum_resolution"]["b"]["value"],
                "c": t["angle_resolution"]["constant_mrad"]["value"],
                "d": t["angle_resolution"]["multiple_scattering_mrad_gev"]["value"]}
    rng = np.random.default_rng(SEED)
    rows = []
    for m in MASSES:
        full, kept = resolution(m, tracking, rng)
        no_isr, _ = resolution(m, tracking, rng, isr=False)
        detector_only, _ = resolution(m, tracking, rng, isr=False, spread=False)
        rows.append({"m_zprime": m, "sigma_gev": full, "sigma_without_isr_gev": no_isr,
                     "sigma_detector_only_gev": detector_only, "events_selected": kept})
        print(f"M = {m:4.1f} GeV: core sigma {full:.4f} GeV (no ISR {no_isr:.4f}, detector only {detector_only:.4f}; {kept} events)")
    out = {"source": "recoil_resolution_reference.py: numpy MC of flat three-body phase space with soft ISR and beam "
                     "energy spread, smeared with Conditions/mc.yaml's tracking parametrisation; no DarkSector code",
           "tracking": tracking, "events_per_mass": EVENTS, "seed": SEED, "numpy": np.__version__, "masses": rows}
    with open(os.path.join(HERE, "recoil_resolution_reference.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
