#!/usr/bin/env python3
"""Reference cross sections for e+e- -> gamma A' (Sources/Generators/Signals/PhotonDarkPhotonSampler).

Written independently of the Swift code:
  * Born: scipy.quad of the spin-averaged |M|^2 of e+e- -> gamma V(m) over two-body phase space,
      (1/4) sum |M|^2 = 2 e^4 eps^2 [t/u + u/t + 2 m^2 s/(t u)],  t, u = -(s - m^2)(1 -+ c)/2,
      dsigma/dc = (1/4) sum |M|^2 * (1 - m^2/s) / (32 pi s)
    (massless electrons; shared/PHYSICS.md "Mono-photon"; Essig et al. arXiv:1309.5084),
    over |c| < c0 in the hard-process frame; no closed form is used here.
  * ISR: Kuraev-Fadin radiator (Sov. J. Nucl. Phys. 41 (1985) 466) to O(alpha^2 L^2) with
    its soft+virtual factor, typed from the paper's formula, convolved with scipy.quad in
    u = v^beta up to v_max where the hard photon keeps E_min = 0.5 GeV in its own frame.
  * The fraction of events with |c| < 0.5 (angular shape check).
Run: python3 gamma_aprime_reference.py  (writes gamma_aprime_reference.json; scipy 1.x)
"""
import json, math, os
from scipy import integrate

alpha = 1 / 137.035999084
HBARC2_FB = 0.3893793721e12
ME = 0.000510998950
C0 = 0.95
EMIN = 0.5

def sqrt_s():
    # Belle II Y(4S) beams: HER 7.004 GeV at +41.5 mrad, LER 4.002 GeV at pi - 41.5 mrad (x-z plane)
    def beam(E, ang):
        p = math.sqrt(E * E - ME * ME)
        return (E, p * math.sin(ang), 0.0, p * math.cos(ang))
    a, b = beam(7.004, 0.0415), beam(4.002, math.pi - 0.0415)
    t = [a[i] + b[i] for i in range(4)]
    return math.sqrt(t[0] ** 2 - t[1] ** 2 - t[2] ** 2 - t[3] ** 2)

def dsigma_dc(s, m, c):
    if m * m >= s:
        return 0.0
    e2 = 4 * math.pi * alpha
    t = -(s - m * m) * (1 - c) / 2
    u = -(s - m * m) * (1 + c) / 2
    msq = 2 * e2 * e2 * (t / u + u / t + 2 * m * m * s / (t * u))
    return msq * (1 - m * m / s) / (32 * math.pi * s)

def born_fb(s, m, c0=C0):
    v, _ = integrate.quad(lambda c: dsigma_dc(s, m, c), -c0, c0, epsabs=0, epsrel=1e-11, limit=200)
    return v * HBARC2_FB

def radiator(s, v):
    a = alpha / math.pi
    L = math.log(s / ME**2)
    beta = 2 * a * (L - 1)
    z2, z3 = math.pi**2 / 6, 1.2020569031595942
    d2 = (9 / 8 - 2 * z2) * L * L - (45 / 16 - 5.5 * z2 - 3 * z3) * L \
        - 1.2 * z2 * z2 - 4.5 * z3 - 6 * z2 * math.log(2) + 0.375 * z2 + 57 / 12
    delta = 1 + a * (1.5 * L + math.pi**2 / 3 - 2) + a * a * d2
    soft = delta * beta * v ** (beta - 1)
    hard1 = -beta / 2 * (2 - v)
    hard2 = beta * beta / 8 * ((2 - v) * (3 * math.log(1 - v) - 4 * math.log(v)) - 4 * math.log(1 - v) / v - 6 + v)
    return soft + hard1 + hard2, beta

def isr_fb(s, m):
    thr = EMIN + math.sqrt(EMIN**2 + m * m)
    vmax = 1 - thr * thr / s
    _, beta = radiator(s, 0.5)
    # u = v^beta: dv = (1/beta) u^(1/beta - 1) du
    def f(u):
        if u <= 0:
            return 0.0
        v = u ** (1 / beta)
        w, _ = radiator(s, v)
        return w * born_fb(s * (1 - v), m) * v / (beta * u)
    val, _ = integrate.quad(f, 0, vmax ** beta, epsabs=0, epsrel=1e-9, limit=400)
    return val

def main():
    rs = sqrt_s()
    s = rs * rs
    out = {"sqrt_s": rs, "max_abs_cos": C0, "min_hard_photon_energy": EMIN, "points": []}
    for m in [0.0, 0.5, 2.0, 4.0, 6.0, 8.0]:
        central = integrate.quad(lambda c: dsigma_dc(s, m, c), -0.5, 0.5, epsrel=1e-11)[0] * HBARC2_FB
        b = born_fb(s, m)
        out["points"].append({"mass": m, "born_fb": b, "isr_fb": isr_fb(s, m), "fraction_abs_cos_below_0p5": central / b,
                              "photon_energy": (s - m * m) / (2 * rs)})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gamma_aprime_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print(json.dumps(out, indent=1))

if __name__ == "__main__":
    main()
