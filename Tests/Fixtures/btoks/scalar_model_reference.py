#!/usr/bin/env python3
"""Write scalar_model_reference.json: the Higgs-mixed dark scalar S of the B -> K(*) S search
(docs/physics/b-to-k-s.md, "Physics"), computed here independently of the Swift code, for
its future tests (BToKSSignalModel).

Formulas (shared/PHYSICS.md "Dark scalar in B -> K S"; Boiarska et al., JHEP 11 (2019) 162,
arXiv:1904.10447, sections 3-4 and appendix C; Winkler, PRD 99 (2019) 015018):
  L_eff = theta xi_sb (m_b / v) sbar_L b_R S + h.c.,  xi_sb = 3 sqrt2 G_F m_t^2 V_ts* V_tb / (16 pi^2)
  B  -> K  S: A = theta xi_sb (m_B^2 - m_K^2) / (2 v) f0(m_S^2),   f0(q^2) = 0.33 / (1 - q^2 / 38 GeV^2)
  B0 -> K*0 S: A = theta xi_sb m_B p_S / v A0(m_S^2),  A0(q^2) = 1.364 / (1 - q^2/m_B^2) - 0.99 / (1 - q^2/36.8 GeV^2)
  Gamma(B -> X S) = |A|^2 p_S / (8 pi m_B^2)        (the K*0 is longitudinal: helicity 0 only)
  Gamma(S -> l+ l-) = theta^2 m_l^2 m_S / (8 pi v^2) (1 - 4 m_l^2 / m_S^2)^(3/2)
The K*0 width is not folded in (narrow K*0), and BF(K*0 -> K+ pi-) = 2/3 is NOT included.
Below the pi pi threshold the total width is the two lepton widths (S -> gamma gamma,
a loop, is below 1e-3 of them and left out), so c tau = hbar c / Gamma_tot is exact there;
above it the hadronic widths (Winkler's dispersive results below ~2 GeV) are needed and are
not computed here.

Inputs: PDG 2022 masses m_B+ = 5.27934, m_B0 = 5.27965, m_K+ = 0.493677, m_K*0 = 0.89555,
m_e = 0.000510999, m_mu = 0.1056584 GeV; tau(B+) = 1.638 ps, tau(B0) = 1.519 ps;
v = 246.22 GeV; xi_sb = 3.7e-4 (PHYSICS.md; scalar_portal's 3.6e-4 differs by the top-mass
scheme, a 5% effect on the rate, which the uncertainty of the model exceeds anyway).

Run: python3 scalar_model_reference.py   (standard library only)
"""
import json
import math
import os

HBAR_GEV_S = 6.582119569e-25
HBARC_GEV_CM = 1.973269804e-14
V = 246.22
XI_SB = 3.7e-4
M_BP, M_B0 = 5.27934, 5.27965
M_KP, M_KST0 = 0.493677, 0.89555
TAU_BP, TAU_B0 = 1.638e-12, 1.519e-12
M_E, M_MU = 0.000510999, 0.1056584


def two_body_momentum(m0, m1, m2):
    lam = (m0 * m0 - (m1 + m2) ** 2) * (m0 * m0 - (m1 - m2) ** 2)
    return math.sqrt(lam) / (2 * m0) if lam > 0 else 0.0


def bf_bplus_kplus_per_theta2(ms):
    p = two_body_momentum(M_BP, M_KP, ms)
    if p == 0:
        return 0.0
    f0 = 0.33 / (1 - ms * ms / 38.0)
    a = XI_SB * (M_BP ** 2 - M_KP ** 2) / (2 * V) * f0
    width = a * a * p / (8 * math.pi * M_BP ** 2)
    return width * TAU_BP / HBAR_GEV_S


def bf_b0_kstar0_per_theta2(ms):
    p = two_body_momentum(M_B0, M_KST0, ms)
    if p == 0:
        return 0.0
    q2 = ms * ms
    a0 = 1.364 / (1 - q2 / M_BP ** 2) - 0.99 / (1 - q2 / 36.8)
    a = XI_SB * M_B0 * p / V * a0
    width = a * a * p / (8 * math.pi * M_B0 ** 2)
    return width * TAU_B0 / HBAR_GEV_S


def lepton_width_per_theta2(ms, ml):
    if ms <= 2 * ml:
        return 0.0
    beta = math.sqrt(1 - 4 * ml * ml / (ms * ms))
    return ml * ml * ms / (8 * math.pi * V * V) * beta ** 3


def main():
    masses = [0.025, 0.05, 0.1, 0.15, 0.2, 0.22, 0.25, 0.27, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.3, 4.7]
    rows = []
    for m in masses:
        gee, gmm = lepton_width_per_theta2(m, M_E), lepton_width_per_theta2(m, M_MU)
        row = {
            "m_s_gev": m,
            "bf_bplus_kplus_s_over_theta2": bf_bplus_kplus_per_theta2(m),
            "bf_b0_kstar0_s_over_theta2": bf_b0_kstar0_per_theta2(m),
            "width_ee_over_theta2_gev": gee,
            "width_mumu_over_theta2_gev": gmm,
        }
        if m < 2 * 0.13957039:
            total = gee + gmm
            row["ctau_times_theta2_cm"] = HBARC_GEV_CM / total
            row["bf_s_to_ee"] = gee / total
            row["bf_s_to_mumu"] = gmm / total
        rows.append(row)
    out = {
        "what": "Higgs-mixed dark scalar: BF(B -> K(*) S)/theta^2, lepton widths/theta^2, and below the pi pi threshold c tau x theta^2 and BF(S -> ll)",
        "references": ["shared/PHYSICS.md", "Boiarska et al., JHEP 11 (2019) 162, arXiv:1904.10447", "Winkler, PRD 99 (2019) 015018, arXiv:1809.01876"],
        "inputs": {"v_gev": V, "xi_sb": XI_SB, "m_bplus": M_BP, "m_b0": M_B0, "m_kplus": M_KP, "m_kstar0": M_KST0,
                   "tau_bplus_s": TAU_BP, "tau_b0_s": TAU_B0, "m_e": M_E, "m_mu": M_MU},
        "notes": "K*0 narrow, BF(K*0 -> K+ pi-) not included; S -> gamma gamma neglected; hadronic widths not computed",
        "rows": rows,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scalar_model_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for r in rows:
        print(f"m={r['m_s_gev']:5.3f}  BF(K+S)/th2={r['bf_bplus_kplus_s_over_theta2']:.4f}  BF(K*0S)/th2={r['bf_b0_kstar0_s_over_theta2']:.4f}"
              + (f"  ctau*th2={r['ctau_times_theta2_cm']:.3e} cm  BFmumu={r['bf_s_to_mumu']:.4f}" if 'ctau_times_theta2_cm' in r else ""))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
