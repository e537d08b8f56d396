#!/usr/bin/env python3
"""Reference values for e+e- -> gamma gamma gamma (Sources/Generators/ThreePhotonSampler.swift).

1. The exact lowest-order QED matrix element WITH the electron mass, from the six Feynman
   diagrams: spin sums as Dirac traces with explicit gamma matrices (numpy), photon
   polarisations summed over two explicit transverse vectors each. Evaluated at phase-space
   points inside and at the edge of the acceptance, and at small angles to size the mass terms.
2. sigma within cuts (every photon E* > E_min, theta_min < theta* < 180 - theta_min) from the
   massless Berends-Kleiss formula (NPB 186 (1981) 22)
       (1/4) sum |M|^2 = e^6 s sum_i k_i k'_i (k_i^2 + k'_i^2) / prod_j (k_j k'_j),
       k_i = p+.k_i, k'_i = p-.k_i,   sigma = (1/(2s)) (1/3!) Int dPhi_3 (1/4) sum |M|^2,
   integrated with vegas in two different parametrisations (they must agree).
Writes threephoton_reference.json.  Run: python3 threephoton_reference.py   (pip install vegas)
"""
import itertools, json, math, os
import numpy as np
import vegas

alpha = 1 / 137.035999084
ME = 0.000510998950
HBARC2_FB = 0.3893793721e12
E2 = 4 * math.pi * alpha

def sqrt_s():
    def beam(E, ang):
        p = math.sqrt(E * E - ME * ME)
        return np.array([E, p * math.sin(ang), 0.0, p * math.cos(ang)])
    t = beam(7.004, 0.0415) + beam(4.002, math.pi - 0.0415)
    return math.sqrt(t[0] ** 2 - t[1] ** 2 - t[2] ** 2 - t[3] ** 2)

RS = sqrt_s()
S = RS * RS

# --- Dirac algebra (Dirac representation) ---
I2, Z2 = np.eye(2), np.zeros((2, 2))
sig = [np.array([[0, 1], [1, 0]], complex), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]], complex)]
G0 = np.block([[I2, Z2], [Z2, -I2]]).astype(complex)
GI = [np.block([[Z2, s_], [-s_, Z2]]) for s_ in sig]
ID4 = np.eye(4, dtype=complex)

def slash(a):
    return a[0] * G0 - a[1] * GI[0] - a[2] * GI[1] - a[3] * GI[2]

def mdot(a, b):
    return a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3]

def polarisations(k):
    n = k[1:] / np.linalg.norm(k[1:])
    trial = np.array([1.0, 0, 0]) if abs(n[0]) < 0.9 else np.array([0, 1.0, 0])
    e1 = np.cross(n, trial); e1 /= np.linalg.norm(e1)
    e2 = np.cross(n, e1)
    return [np.concatenate([[0.0], e1]), np.concatenate([[0.0], e2])]

def exact_m2(pm, pp, ks, m=ME):
    """(1/4) sum over spins and polarisations of |M|^2, e+(pp) e-(pm) -> 3 photons, massive."""
    pols = [polarisations(k) for k in ks]
    total = 0.0
    Pm, Pp = slash(pm) + m * ID4, slash(pp) - m * ID4
    for eps in itertools.product(*pols):
        gam = np.zeros((4, 4), complex)
        for perm in itertools.permutations(range(3)):
            a, b, c = perm  # photon a attached next to u(p-), then b, then c next to vbar(p+)
            q1 = pm - ks[a]
            q2 = pm - ks[a] - ks[b]
            s1 = (slash(q1) + m * ID4) / (mdot(q1, q1) - m * m)
            s2 = (slash(q2) + m * ID4) / (mdot(q2, q2) - m * m)
            gam += slash(eps[c]) @ s2 @ slash(eps[b]) @ s1 @ slash(eps[a])
        gbar = G0 @ gam.conj().T @ G0
        total += np.trace(gam @ Pm @ gbar @ Pp).real
    return 0.25 * E2 ** 3 * total

def bk_massless(pm, pp, ks):
    num, den = 0.0, 1.0
    for k in ks:
        a, b = mdot(pp, k), mdot(pm, k)
        num += a * b * (a * a + b * b)
        den *= a * b
    return E2 ** 3 * S * num / den

def photon(E, c, phi):
    st = math.sqrt(max(0.0, 1 - c * c))
    return np.array([E, E * st * math.cos(phi), E * st * math.sin(phi), E * c])

def three_body(E1, c1, phi1, cs, phis):
    """photon 1 with (E1, c1, phi1) in the CMS; photons 2, 3 back to back in the rest frame
    of P - k1 with direction (cs, phis) to the beam axis, boosted back."""
    k1 = photon(E1, c1, phi1)
    Q = np.array([RS, 0, 0, 0]) - k1
    M = math.sqrt(mdot(Q, Q))
    d = photon(M / 2, cs, phis)
    out = [k1]
    for v in (d, np.array([d[0], -d[1], -d[2], -d[3]])):
        b = Q[1:] / Q[0]; g = Q[0] / M; bp = b @ v[1:]
        b2 = b @ b
        e = g * (v[0] + bp)
        p = v[1:] + ((g - 1) / b2 * bp + g * v[0]) * b
        out.append(np.concatenate([[e], p]))
    return out

def beams(m=ME):
    p = math.sqrt((RS / 2) ** 2 - m * m)
    return np.array([RS / 2, 0, 0, p]), np.array([RS / 2, 0, 0, -p])

def matrix_element_points():
    rng = np.random.default_rng(20261204)
    pm, pp = beams()
    pts = []
    specs = [("random", None)] * 16 + [("edge", 10.0), ("edge", 5.0), ("edge", 2.0), ("edge", 1.0), ("edge", 0.5)]
    for kind, th in specs:
        while True:
            if kind == "random":
                E1 = math.exp(rng.uniform(math.log(0.15), math.log(RS / 2 - 0.2)))
                c1 = rng.uniform(-0.98, 0.98)
            else:
                E1 = 0.3
                c1 = math.cos(math.radians(th))
            ks = three_body(E1, c1, rng.uniform(0, 2 * math.pi), rng.uniform(-0.95, 0.95), rng.uniform(0, 2 * math.pi))
            if kind == "edge" or all(k[0] > 0.1 for k in ks):
                break
        ex = exact_m2(pm, pp, ks)
        pts.append({"kind": kind, "photon1_theta_deg": th, "photons": [list(map(float, k)) for k in ks],
                    "exact_massive": ex, "massless_bk_python": bk_massless(pm, pp, ks)})
    return pts

def cuts_ok(ks, emin, cmax):
    ok = np.ones(ks[0].shape[1], bool)
    for k in ks:
        E = k[0]
        ok &= (E > emin) & (np.abs(k[3] / E) < cmax)
    return ok

def mdot_b(a, b):
    return a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3]

def bk_batch(ks):
    pm = np.array([RS / 2, 0, 0, RS / 2])[:, None]
    pp = np.array([RS / 2, 0, 0, -RS / 2])[:, None]
    num, den = 0.0, 1.0
    for k in ks:
        a, b = mdot_b(pp, k), mdot_b(pm, k)
        num = num + a * b * (a * a + b * b)
        den = den * a * b
    return E2 ** 3 * S * num / den

def sigma_softest_channel(emin, thmin, neval):
    """photon 1 = softest; x = (ln E1, eta1, phi1, eta*, phi*); sigma = (1/2) Int_{1 softest}."""
    cmax = math.cos(math.radians(thmin))
    emax = RS / 3  # the softest photon cannot exceed sqrt(s)/3
    etamax = math.atanh(cmax)
    etas = etamax + 3.0  # range for the pair direction in its rest frame
    @vegas.batchintegrand
    def f(x):
        lE = math.log(emin) + (math.log(emax) - math.log(emin)) * x[:, 0]
        E1 = np.exp(lE)
        eta1 = -etamax + 2 * etamax * x[:, 1]
        c1 = np.tanh(eta1)
        phi1 = 2 * math.pi * x[:, 2]
        etastar = -etas + 2 * etas * x[:, 3]
        cs = np.tanh(etastar)
        phis = 2 * math.pi * x[:, 4]
        st1 = np.sqrt(1 - c1 * c1)
        k1 = np.array([E1, E1 * st1 * np.cos(phi1), E1 * st1 * np.sin(phi1), E1 * c1])
        Q = np.array([RS - E1, -k1[1], -k1[2], -k1[3]])
        M = np.sqrt(RS * RS - 2 * RS * E1)
        sts = np.sqrt(1 - cs * cs)
        d = np.array([M / 2, M / 2 * sts * np.cos(phis), M / 2 * sts * np.sin(phis), M / 2 * cs])
        b = Q[1:] / Q[0]; g = Q[0] / M; b2 = (b * b).sum(0)
        ks = [k1]
        for sgn in (1, -1):
            v0, v = d[0], sgn * d[1:]
            bp = (b * v).sum(0)
            e = g * (v0 + bp)
            p = v + ((g - 1) / b2 * bp + g * v0) * b
            ks.append(np.vstack([e, p]))
        ok = cuts_ok(ks, emin, cmax) & (ks[1][0] > E1) & (ks[2][0] > E1)
        # dPhi_3 = E1 dE1 dOmega1 / (2 (2 pi)^3) * dOmega* / (32 pi^2);  dE1 = E1 dlnE
        jac = (E1 * E1 * (math.log(emax) - math.log(emin))) * (2 * etamax * (1 - c1 * c1)) * 2 * math.pi \
            * (2 * etas * (1 - cs * cs)) * 2 * math.pi / (2 * (2 * math.pi) ** 3 * 32 * math.pi ** 2)
        val = bk_batch(ks) / (2 * S) / 6 * 3 * jac  # 3 choices of the softest photon
        return np.where(ok, val * HBARC2_FB, 0.0)
    integ = vegas.Integrator([[0, 1]] * 5)
    integ(f, nitn=10, neval=neval)
    r = integ(f, nitn=15, neval=neval)
    return r.mean, r.sdev

def sigma_dalitz(emin, thmin, neval):
    """plain parametrisation: E1, E2 (Dalitz), direction of photon 1, azimuth of photon 2 about it.
    dPhi_3 = dE1 dE2 dcos1 dphi1 dchi / (8 (2 pi)^5)."""
    cmax = math.cos(math.radians(thmin))
    @vegas.batchintegrand
    def f(x):
        E1 = emin + (RS / 2 - emin) * x[:, 0]
        E2_ = emin + (RS / 2 - emin) * x[:, 1]
        E3 = RS - E1 - E2_
        c12 = 1 - (S - 2 * RS * E3) / (2 * E1 * E2_)
        phys = (np.abs(c12) <= 1) & (E3 > emin)
        c12 = np.clip(c12, -1, 1)
        etamax = math.atanh(cmax)
        eta1 = -etamax + 2 * etamax * x[:, 2]
        c1 = np.tanh(eta1)
        phi1 = 2 * math.pi * x[:, 3]
        chi = 2 * math.pi * x[:, 4]
        st1 = np.sqrt(1 - c1 * c1)
        n1 = np.array([st1 * np.cos(phi1), st1 * np.sin(phi1), c1])
        # orthonormal basis around n1
        e1 = np.array([c1 * np.cos(phi1), c1 * np.sin(phi1), -st1])
        e2 = np.array([-np.sin(phi1), np.cos(phi1), np.zeros_like(c1)])
        s12 = np.sqrt(1 - c12 * c12)
        n2 = c12 * n1 + s12 * (np.cos(chi) * e1 + np.sin(chi) * e2)
        k1 = np.vstack([E1, E1 * n1]); k2 = np.vstack([E2_, E2_ * n2])
        k3 = np.vstack([E3, -(E1 * n1 + E2_ * n2)])
        ks = [k1, k2, k3]
        ok = phys & cuts_ok(ks, emin, cmax)
        jac = (RS / 2 - emin) ** 2 * (2 * etamax * (1 - c1 * c1)) * (2 * math.pi) ** 2 / (8 * (2 * math.pi) ** 5)
        val = bk_batch(ks) / (2 * S) / 6 * jac
        return np.where(ok, val * HBARC2_FB, 0.0)
    integ = vegas.Integrator([[0, 1]] * 5)
    integ(f, nitn=10, neval=neval)
    r = integ(f, nitn=15, neval=neval)
    return r.mean, r.sdev

if __name__ == "__main__":
    pts = matrix_element_points()
    for p in pts:
        print(p["kind"], p["photon1_theta_deg"], p["massless_bk_python"] / p["exact_massive"] - 1)
    out = {"sqrt_s_gev": RS, "alpha": alpha, "matrix_element_points": pts, "cross_sections": []}
    for emin, th in [(0.15, 10.0), (0.5, 20.0)]:
        a = sigma_softest_channel(emin, th, 200000)
        b = sigma_dalitz(emin, th, 400000)
        print(emin, th, a, b)
        out["cross_sections"].append({"min_energy_gev": emin, "theta_min_deg": th,
                                      "sigma_fb": a[0], "sigma_error_fb": a[1],
                                      "sigma_dalitz_fb": b[0], "sigma_dalitz_error_fb": b[1]})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "threephoton_reference.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)
