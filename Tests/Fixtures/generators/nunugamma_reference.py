#!/usr/bin/env python3
"""Reference values for e+e- -> nu nubar gamma (Sources/Generators/NeutrinoPairPhotonSampler).

Written independently of the Swift code from the formulas cited there:
  d2sigma/(dx dcos) = (2 alpha/pi) [(1 - x/2)^2 + x^2 c^2/4] / (x (1 - c^2)) * sigma_0(s (1 - x))
  (Gaemers, Gastmans, Renard PRD 19 (1979) 1605; Berends et al. NPB 301 (1988) 583),
  sigma_0 = Z (3 flavours) + W (nu_e) Born, integrated over the neutrino angle with scipy.quad.
Integration over x and cos with scipy.integrate.dblquad. Writes nunugamma_reference.json.
Run: python3 nunugamma_reference.py
"""
import json, math, os
from scipy import integrate

alpha = 1 / 137.035999084
GF = 1.1663788e-5
MZ, GZ, MW = 91.1876, 2.4952, 80.3692
SW2 = 0.23121
HBARC2_FB = 0.3893793721e12
ME = 0.000510998950

def sqrt_s():
    # Belle II Y(4S) beams: HER 7.004 GeV at +41.5 mrad, LER 4.002 GeV at pi - 41.5 mrad (x-z plane)
    def beam(E, ang):
        p = math.sqrt(E * E - ME * ME)
        return (E, p * math.sin(ang), 0.0, p * math.cos(ang))
    a, b = beam(7.004, 0.0415), beam(4.002, math.pi - 0.0415)
    t = [a[i] + b[i] for i in range(4)]
    return math.sqrt(t[0] ** 2 - t[1] ** 2 - t[2] ** 2 - t[3] ** 2)

def dsigma0(s, c, electron, props=True):
    gL, gR = -0.5 + SW2, SW2
    if props:
        z = MZ**2 / complex(MZ**2 - s, -MZ * GZ)
        w = MW**2 / (MW**2 + s * (1 - c) / 2)
    else:
        z, w = 1.0, 1.0
    left = abs(gL * z + (w if electron else 0)) ** 2
    right = abs(gR * z) ** 2
    return GF**2 * s / (6 * math.pi) * 0.375 * ((1 + c) ** 2 * left + (1 - c) ** 2 * right)

def sigma0(s, props=True):
    e = integrate.quad(lambda c: dsigma0(s, c, True, props), -1, 1, epsabs=0, epsrel=1e-12)[0]
    m = integrate.quad(lambda c: dsigma0(s, c, False, props), -1, 1, epsabs=0, epsrel=1e-12)[0]
    return e + 2 * m

def sigma_gamma(emin, th_lo, th_hi, props=True):
    S = sqrt_s() ** 2
    x1, x2 = 2 * emin / math.sqrt(S), 1.0
    c1, c2 = math.cos(math.radians(th_hi)), math.cos(math.radians(th_lo))
    def f(c, lx):  # integrate in ln x for accuracy at small x
        x = math.exp(lx)
        rad = 2 * alpha / math.pi * ((1 - x / 2) ** 2 + x * x * c * c / 4) / (x * (1 - c * c))
        return rad * x * sigma0(S * (1 - x), props)
    val, err = integrate.dblquad(f, math.log(x1), math.log(x2), c1, c2, epsabs=0, epsrel=1e-7)
    return val * HBARC2_FB, err * HBARC2_FB

if __name__ == "__main__":
    S = sqrt_s() ** 2
    out = {
        "sqrt_s_gev": math.sqrt(S),
        "born_total_fb": sigma0(S) * HBARC2_FB,
        "born_total_pointlike_fb": sigma0(S, False) * HBARC2_FB,
        "cases": [],
    }
    for emin, lo, hi in [(0.5, 10.0, 170.0), (1.0, 30.0, 130.0)]:
        v, e = sigma_gamma(emin, lo, hi)
        out["cases"].append({"min_energy_gev": emin, "theta_min_deg": lo, "theta_max_deg": hi,
                             "sigma_fb": v, "quadrature_error_fb": e})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nunugamma_reference.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=2)
    print(json.dumps(out, indent=2))
