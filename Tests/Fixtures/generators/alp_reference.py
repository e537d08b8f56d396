#!/usr/bin/env python3
"""Reference values for e+e- -> gamma a, a -> gamma gamma (Sources/Generators/Signals/PhotonALPSampler).

Written independently of the Swift code, from the interaction L = -(g/4) a F Ftilde alone
(g = g_a-gamma-gamma in GeV^-1), which gives the vertex a gamma(k1, mu) gamma(k2, nu):
    g eps^{mu nu rho sigma} k1_rho k2_sigma
No closed-form cross section or width is used to make the numbers:
  * Born: the spin-averaged |M|^2 of e+e- -> gamma*(q) -> gamma(k) a is built with numpy from the
    electron trace 4 (p2^mu p1^nu + p2^nu p1^mu - g^{mu nu} p1.p2), the vertex tensor above
    and the photon polarisation sum -g, at explicit four-vectors (massless electrons), then
    dsigma/dc = |M|^2 (1 - m^2/s)/(32 pi s) is integrated with scipy.quad over -1 < c < 1.
  * Width: |M|^2 of a -> gamma gamma summed over explicit transverse polarisation vectors,
    Gamma = |M|^2/(2m) x 1/(8 pi) x 1/2 (identical photons).
  * ISR: the Kuraev-Fadin convolution with the radiator of ../monophoton/gamma_aprime_reference.py
    (the same hard-photon floor E_min = 0.5 GeV in the hard frame), scipy.quad in u = v^beta.
  * Decay length in the CMS: beta gamma c tau = (p*/m) hbar c / Gamma, p* = (s - m^2)/(2 sqrt s).
The closed forms of Dolan et al., JHEP 12 (2017) 094 (arXiv:1709.00009) are only printed beside
the numbers as a cross-check: sigma = alpha g^2/24 (1 - m^2/s)^3, Gamma = g^2 m^3/(64 pi).
Run: python3 alp_reference.py  (writes alp_reference.json; numpy + scipy 1.x)
"""
import itertools, json, math, os, sys
import numpy as np
from scipy import integrate

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "monophoton"))
from gamma_aprime_reference import radiator, sqrt_s, alpha, HBARC2_FB  # noqa: E402

HBARC_GEV_CM = 1.973269804e-14
EMIN = 0.5
G = 1e-3  # GeV^-1, the reference coupling of the tables
METRIC = np.diag([1.0, -1.0, -1.0, -1.0])

def levi_civita():
    eps = np.zeros((4, 4, 4, 4))
    for perm in itertools.permutations(range(4)):
        sign = 1
        p = list(perm)
        for i in range(4):
            for j in range(i + 1, 4):
                if p[i] > p[j]:
                    sign = -sign
        eps[perm] = sign
    return eps  # eps^{0123} = +1 (the sign drops out of |M|^2)

EPS = levi_civita()

def lower(v):
    return METRIC @ v

def vertex(k1, k2, g):
    """V^{mu nu} = g eps^{mu nu rho sigma} k1_rho k2_sigma (upper indices)."""
    return g * np.einsum("mnrs,r,s->mn", EPS, lower(k1), lower(k2))

def msq_production(s, m, c, g):
    """(1/4) sum |M|^2 of e-(p1) e+(p2) -> gamma(k) a at CMS angle c of the photon."""
    e = math.sqrt(4 * math.pi * alpha)
    rs = math.sqrt(s)
    p1 = np.array([rs / 2, 0, 0, rs / 2])
    p2 = np.array([rs / 2, 0, 0, -rs / 2])
    kk = (s - m * m) / (2 * rs)
    sn = math.sqrt(1 - c * c)
    k = np.array([kk, kk * sn, 0, kk * c])
    q = p1 + p2
    dot = lambda a, b: a @ METRIC @ b
    trace = 4 * (np.outer(p2, p1) + np.outer(p1, p2) - np.linalg.inv(METRIC) * dot(p1, p2))  # upper mu mu'
    V = vertex(q, k, g)  # V^{mu nu}
    Vl = METRIC @ V @ METRIC  # V_{mu nu}
    # sum_pol eps*_nu eps_nu' -> -g^{nu nu'}
    total = -np.einsum("ab,an,bk,nk->", trace, Vl, Vl, np.linalg.inv(METRIC))
    return e * e / (s * s) * total / 4

def dsigma_dc(s, m, c, g):
    return msq_production(s, m, c, g) * (1 - m * m / s) / (32 * math.pi * s)

def born_fb(s, m, g, lo=-1.0, hi=1.0):
    v, _ = integrate.quad(lambda c: dsigma_dc(s, m, c, g), lo, hi, epsabs=0, epsrel=1e-11, limit=200)
    return v * HBARC2_FB

def width(m, g):
    k1 = np.array([m / 2, 0, 0, m / 2])
    k2 = np.array([m / 2, 0, 0, -m / 2])
    V = vertex(k1, k2, g)
    Vl = METRIC @ V @ METRIC
    pols = [np.array([0, 1.0, 0, 0]), np.array([0, 0, 1.0, 0])]
    msq = sum((e1 @ Vl @ e2) ** 2 for e1 in pols for e2 in pols)
    return msq / (2 * m) / (8 * math.pi) / 2

def isr_fb(s, m, g):
    thr = EMIN + math.sqrt(EMIN ** 2 + m * m)
    vmax = 1 - thr * thr / s
    _, beta = radiator(s, 0.5)
    born_cache = {}
    def f(u):
        if u <= 0:
            return 0.0
        v = u ** (1 / beta)
        w, _ = radiator(s, v)
        sp = s * (1 - v)
        # the Born at s' from the same |M|^2 quadrature (its angular integral is c-independent in shape)
        key = round(sp, 12)
        if key not in born_cache:
            born_cache[key] = born_fb(sp, m, g)
        return w * born_cache[key] * v / (beta * u)
    val, _ = integrate.quad(f, 0, vmax ** beta, epsabs=0, epsrel=1e-8, limit=400)
    return val

def main():
    rs = sqrt_s()
    s = rs * rs
    out = {"sqrt_s": rs, "coupling_inv_gev": G, "min_hard_photon_energy": EMIN, "points": []}
    for m in [0.2, 0.5, 1.0, 3.0, 6.0, 9.7]:
        b = born_fb(s, m, G)
        gam = width(m, G)
        pstar = (s - m * m) / (2 * rs)
        point = {"mass": m, "born_fb": b,
                 "fraction_abs_cos_below_0p5": born_fb(s, m, G, -0.5, 0.5) / b,
                 "width_gev": gam,
                 "ctau_cm": HBARC_GEV_CM / gam,
                 "cms_decay_length_cm": pstar / m * HBARC_GEV_CM / gam,
                 "photon_energy": pstar}
        if m in (0.5, 3.0, 9.7):
            point["isr_fb"] = isr_fb(s, m, G)
        closed = alpha * G * G / 24 * (1 - m * m / s) ** 3 * HBARC2_FB
        print(f"m = {m}: born {b:.10g} fb (closed form {closed:.10g}, ratio {b / closed:.12f}); "
              f"width {gam:.6g} GeV (closed {G * G * m ** 3 / (64 * math.pi):.6g})", file=sys.stderr)
        out["points"].append(point)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "alp_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print(json.dumps(out, indent=1))

if __name__ == "__main__":
    main()
