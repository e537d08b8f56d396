#!/usr/bin/env python3
"""sigma(e+e- -> q qbar (gamma)) at the Belle II energy from the Kuraev-Fadin ISR radiator.

An independent (scipy) version of Tests/GeneratorsTests/QuarkPairCrossSectionFormula.swift,
with a fixed alpha(s) = 1/132.07 instead of the running one (so it lands ~1% apart):
Born x colour x charge^2 x (1 + alpha_s/pi), alpha_s = 0.177, threshold factor
beta(3 - beta^2)/2, convolved with W(s, v) up to v_max = 1 - W_min^2/s.
Printed for the hadronic thresholds (compare with the Belle II Physics Book, KKMC:
u 1.61, d 0.40, s 0.38, c 1.30 nb) and for W_min = 4 GeV (compare with Pythia's sample).
Run: python3 quark_pair_isr.py  (numpy, scipy)
"""
import numpy as np
from scipy.integrate import quad

alpha0 = 1 / 137.035999084
me = 0.51099895e-3
sqrt_s = 10.5796
s = sqrt_s ** 2
L = np.log(s / me ** 2)
a = alpha0 / np.pi
beta = 2 * a * (L - 1)
z2, z3 = np.pi ** 2 / 6, 1.2020569031595942
d2 = (9 / 8 - 2 * z2) * L * L - (45 / 16 - 5.5 * z2 - 3 * z3) * L - 1.2 * z2 * z2 - 4.5 * z3 \
    - 6 * z2 * np.log(2) + 0.375 * z2 + 57 / 12
delta = 1 + a * (1.5 * L + np.pi ** 2 / 3 - 2) + a * a * d2
hbarc2_nb = 0.3893793721e6
alpha_s_fixed = 1 / 132.07
alpha_strong = 0.177


def radiator(v):
    l1v, lv = np.log1p(-v), np.log(v)
    return delta * beta * v ** (beta - 1) - beta / 2 * (2 - v) \
        + beta ** 2 / 8 * ((2 - v) * (3 * l1v - 4 * lv) - 4 * l1v / v - 6 + v)


def born_nb(sp, charge, m):
    if sp <= 4 * m * m:
        return 0.0
    b = np.sqrt(1 - 4 * m * m / sp)
    return 3 * charge ** 2 * (1 + alpha_strong / np.pi) * 4 * np.pi * alpha_s_fixed ** 2 / (3 * sp) \
        * hbarc2_nb * b * (3 - b * b) / 2


def sigma_nb(charge, m, w_min):
    v_max = 1 - max(w_min, 2 * m + 1e-9) ** 2 / s
    f = lambda v: radiator(v) * born_nb(s * (1 - v), charge, m)
    return quad(f, 0, 1e-8, limit=200)[0] + quad(f, 1e-8, 1e-3, limit=200)[0] \
        + quad(f, 1e-3, v_max, limit=400, points=[0.5, 0.9])[0]


if __name__ == "__main__":
    m_pi, m_k = 0.13957039, 0.493677
    for name, q, m, thr in [("uubar", 2 / 3, 0, 2 * m_pi), ("ddbar", -1 / 3, 0, 2 * m_pi),
                            ("ssbar", -1 / 3, 0, 2 * m_k), ("ccbar", 2 / 3, 1.5, 3.0)]:
        print(f"{name}: threshold {sigma_nb(q, m, thr):.4f} nb, m(q qbar) > 4 GeV {sigma_nb(q, m, 4.0):.4f} nb")
