#!/usr/bin/env python3
"""Reference values for e+e- -> e+e- gamma with both leptons outside the ECL
(Sources/Generators/RadiativeBhabhaSampler.swift, RadiativeBhabhaMatrixElement.swift).

Independent of the Swift code: the eight lowest-order QED diagrams as helicity amplitudes in
the chiral (Weyl) representation with helicity-eigenstate spinors (the Swift code uses the
Dirac representation and fixed-axis spin states), vectorised with numpy; the massless
compact formula of the CALKUL collaboration (Berends et al., NPB 206 (1982) 61) as a check of
both where the invariants are large; and the cross section in the lab-frame region
  photon: E* > EMIN (CMS energy), 12.4 < theta_lab < 155.1 deg;
  e+ and e-: theta_lab < 12.4 deg or > 155.1 deg,
with vegas, split into two regions (|t_e+| < |t_e-|, mapped with the e+ as spectator, and the
mirror), each parametrised by ln|t| of the spectator, ln x of its energy loss and the Compton
angle in the rest frame of the other lepton and the photon.
Writes radiative_bhabha_reference.json.  Run: python3 radiative_bhabha_reference.py (pip install vegas)
"""
import json, math, os
import numpy as np
import vegas

alpha = 1 / 137.035999084
ME = 0.000510998950
HBARC2_FB = 0.3893793721e12
E2 = 4 * math.pi * alpha
THETA_LO, THETA_HI = 12.4, 155.1

def lab_beams():
    def beam(E, ang):
        p = math.sqrt(E * E - ME * ME)
        return np.array([E, p * math.sin(ang), 0.0, p * math.cos(ang)])
    return beam(7.004, 0.0415), beam(4.002, math.pi - 0.0415)

HER, LER = lab_beams()
PTOT = HER + LER
RS = math.sqrt(PTOT[0] ** 2 - PTOT[1:] @ PTOT[1:])
S = RS * RS
BETA = PTOT[1:] / PTOT[0]

def boost(v, b):
    """boost four-vectors v (4, N) by velocity b (3,)"""
    b2 = b @ b; g = 1 / math.sqrt(1 - b2)
    bp = b @ v[1:]
    e = g * (v[0] + bp)
    p = v[1:] + np.outer(b, (g - 1) / b2 * bp + g * v[0])
    return np.vstack([e, p])

# rotation about y taking +z to the e- beam direction seen in the CMS
_n = boost(HER[:, None], -BETA)[1:, 0]; _n /= np.linalg.norm(_n)
_ang = math.atan2(_n[0], _n[2])
def cms_to_lab(v):
    c, s = math.cos(_ang), math.sin(_ang)
    x = c * v[1] + s * v[3]; z = -s * v[1] + c * v[3]
    return boost(np.vstack([v[0], x, v[2], z]), BETA)

def theta_deg(v):
    return np.degrees(np.arccos(np.clip(v[3] / np.sqrt((v[1:] ** 2).sum(0)), -1, 1)))

# ---------------- amplitudes (Weyl representation) ----------------
I2 = np.eye(2, dtype=complex)
SIG = [np.array([[0, 1], [1, 0]], complex), np.array([[0, -1j], [1j, 0]]), np.array([[1, 0], [0, -1]], complex)]
Z2 = np.zeros((2, 2), complex)
GAM = [np.block([[Z2, I2], [I2, Z2]])] + [np.block([[Z2, s_], [-s_, Z2]]) for s_ in SIG]
METRIC = np.array([1.0, -1, -1, -1])

def slash(a):  # a (4, N) -> (N, 4, 4)
    return np.einsum('mn,mij->nij', a * METRIC[:, None], np.array(GAM))

def helicity_chi(p, lam):
    """two-component helicity eigenstate along p (3, N), lam = +1/-1"""
    pm = np.sqrt((p ** 2).sum(0))
    th = np.arccos(np.clip(p[2] / pm, -1, 1)); ph = np.arctan2(p[1], p[0])
    if lam > 0:
        return np.stack([np.cos(th / 2) + 0j, np.exp(1j * ph) * np.sin(th / 2)])
    return np.stack([-np.exp(-1j * ph) * np.sin(th / 2), np.cos(th / 2) + 0j])

def u_spinor(p, lam, m=ME):
    pm = np.sqrt((p[1:] ** 2).sum(0)); chi = helicity_chi(p[1:], lam)
    return np.concatenate([np.sqrt(p[0] - lam * pm) * chi, np.sqrt(p[0] + lam * pm) * chi])  # (4, N)

def v_spinor(p, lam, m=ME):
    pm = np.sqrt((p[1:] ** 2).sum(0)); eta = helicity_chi(p[1:], -lam)
    return np.concatenate([np.sqrt(p[0] + lam * pm) * eta, -np.sqrt(p[0] - lam * pm) * eta])

G0 = GAM[0]
def bar(psi):
    return np.einsum('in,ij->jn', psi.conj(), G0)

def mat_vec(M, v):
    return np.einsum('nij,jn->in', M, v)

def row_mat(r, M):
    return np.einsum('in,nij->jn', r, M)

def current(r, v):  # r gamma^mu v -> (4, N)
    return np.einsum('in,mij,jn->mn', r, np.array(GAM), v)

def mc(a, b):
    return (a * b * METRIC[:, None]).sum(0)

def msq2(a):
    return a[0] ** 2 - (a[1:] ** 2).sum(0)

def propagator(q, m=ME):
    N = q.shape[1]
    return (slash(q) + m * np.eye(4)[None]) / (msq2(q) - m * m)[:, None, None]

def polarisations(k):
    n = k[1:] / np.sqrt((k[1:] ** 2).sum(0))
    trial = np.where(np.abs(n[0]) < 0.9, np.array([[1.0], [0], [0]]), np.array([[0], [1.0], [0]]))
    e1 = np.cross(n.T, trial.T).T; e1 /= np.sqrt((e1 ** 2).sum(0))
    e2 = np.cross(n.T, e1.T).T
    z = np.zeros_like(n[0])
    return [np.vstack([z, e1]), np.vstack([z, e2])]

def exact_m2(p1, p2, p3, p4, k):
    """(1/4) sum |M|^2 of e-(p1) e+(p2) -> e-(p3) e+(p4) gamma(k); arrays (4, N)."""
    S1k, S3k = propagator(p1 - k), propagator(p3 + k)
    Sk2, S4k = propagator(k - p2), propagator(-p4 - k)
    tE, tP = msq2(p2 - p4), msq2(p1 - p3)
    sO, sI = msq2(p3 + p4), msq2(p1 + p2)
    total = 0.0
    for eps in polarisations(k):
        es = slash(eps)
        aIn, aOut = S1k @ es, es @ S3k
        bIn, bOut = es @ Sk2, S4k @ es
        for l1 in (1, -1):
            u1 = u_spinor(p1, l1); u1k = mat_vec(aIn, u1)
            for l2 in (1, -1):
                v2b = bar(v_spinor(p2, l2)); v2bk = row_mat(v2b, bIn)
                c0, c5, c6 = current(v2b, u1), current(v2b, u1k), current(v2bk, u1)
                for l3 in (1, -1):
                    u3b = bar(u_spinor(p3, l3)); u3bk = row_mat(u3b, aOut)
                    a0, a1, a2 = current(u3b, u1), current(u3b, u1k), current(u3bk, u1)
                    for l4 in (1, -1):
                        v4 = v_spinor(p4, l4); v4k = mat_vec(bOut, v4)
                        b0, b3, b4 = current(v2b, v4), current(v2bk, v4), current(v2b, v4k)
                        d0, d7, d8 = current(u3b, v4), current(u3bk, v4), current(u3b, v4k)
                        amp = mc(a1 + a2, b0) / tE + mc(a0, b3 + b4) / tP - mc(c5 + c6, d0) / sO - mc(c0, d7 + d8) / sI
                        total = total + np.abs(amp) ** 2
    return 0.25 * E2 ** 3 * total

def calkul(p1, p2, p3, p4, k):
    d = mc
    s, sp = 2 * d(p1, p2), 2 * d(p3, p4)
    t, tp = -2 * d(p2, p4), -2 * d(p1, p3)
    u, up = -2 * d(p2, p3), -2 * d(p1, p4)
    k1, k2, k3, k4 = d(p1, k), d(p2, k), d(p3, k), d(p4, k)
    W = d(p1, p2) / (k1 * k2) + d(p3, p4) / (k3 * k4) + d(p1, p3) / (k1 * k3) + d(p2, p4) / (k2 * k4) \
        - d(p1, p4) / (k1 * k4) - d(p2, p3) / (k2 * k3)
    return 2 * E2 ** 3 * W * (s * sp * (s * s + sp * sp) + t * tp * (t * t + tp * tp) + u * up * (u * u + up * up)) / (s * sp * t * tp)

# ---------------- phase space: spectator (ln x, ln|t|, phi) + Compton pair (cos*, phi*) ----------------
EB = RS / 2
PB = math.sqrt(EB * EB - ME * ME)

def spectator_config(x, y, electron_spectator):
    """x (N, 5) in [0,1]^5 -> CMS momenta p1, p2, p3, p4, k and the Jacobian of dPhi_3."""
    N = x.shape[0]
    lxmin, lxmax = math.log(1e-5), math.log(1 - 1e-9)
    xe = np.exp(lxmin + (lxmax - lxmin) * x[:, 0])  # energy-loss fraction of the spectator
    E4 = EB * (1 - xe)
    P4 = np.sqrt(np.maximum(E4 * E4 - ME * ME, 0))
    ok = E4 > ME * 1.0001
    # |t| = 2(EB E4 - PB P4 cos) - 2 m^2, from cos = 1 (min) to cos = -1 (max)
    a = 2 * (EB * E4 - PB * P4) - 2 * ME * ME
    tmin = np.maximum(a, 1e-30)
    tmax = 2 * (EB * E4 + PB * P4) - 2 * ME * ME
    lt = np.log(tmin) + (np.log(tmax) - np.log(tmin)) * x[:, 1]
    tabs = np.exp(lt)
    omc = (tabs - a) / (2 * PB * P4)  # 1 - cos(theta to the spectator's beam)
    omc = np.clip(omc, 0, 2)
    cth = 1 - omc; sth = np.sqrt(omc * (2 - omc))
    phi = 2 * math.pi * x[:, 2]
    sgn = 1.0 if electron_spectator else -1.0  # spectator's beam along +z (e-) or -z (e+)
    spec = np.vstack([E4, P4 * sth * np.cos(phi), P4 * sth * np.sin(phi), sgn * P4 * cth])
    beam_e = np.tile(np.array([[EB], [0], [0], [PB]]), (1, N))
    beam_p = np.tile(np.array([[EB], [0], [0], [-PB]]), (1, N))
    Q = beam_e + beam_p - spec
    shat = msq2(Q)
    ok &= shat > ME * ME * 1.0001
    shat = np.maximum(shat, ME * ME * 1.0001)
    M = np.sqrt(shat)
    # Compton pair in Q rest frame: photon angle to the non-spectator beam (boosted), peaked forward
    delta = 1e-4
    lo, hi = math.log(delta), math.log(2 + delta)
    w = np.exp(lo + (hi - lo) * x[:, 3])  # w = 1 - c + delta
    cs = 1 - (w - delta)
    ss = np.sqrt(np.clip((1 - cs) * (1 + cs), 0, None))
    phs = 2 * math.pi * x[:, 4]
    other = beam_p if electron_spectator else beam_e
    bQ = Q[1:] / Q[0]
    ax = np.zeros((3, N))
    o_rest = np.vstack([other[0], other[1:]])
    # boost the other beam to the Q rest frame (velocity -bQ), take its direction
    g = Q[0] / M; bp = (bQ * o_rest[1:]).sum(0); b2 = (bQ * bQ).sum(0)
    orp = o_rest[1:] + bQ * ((g - 1) / b2 * bp - g * o_rest[0])
    n = orp / np.sqrt((orp ** 2).sum(0))
    tr = np.where(np.abs(n[0]) < 0.9, np.array([[1.0], [0], [0]]), np.array([[0], [1.0], [0]]))
    e1 = np.cross(n.T, tr.T).T; e1 /= np.sqrt((e1 ** 2).sum(0)); e2 = np.cross(n.T, e1.T).T
    kd = cs * n + ss * (np.cos(phs) * e1 + np.sin(phs) * e2)
    kstar = (shat - ME * ME) / (2 * M)
    k_r = np.vstack([kstar, kstar * kd])
    l_r = np.vstack([np.sqrt(kstar ** 2 + ME * ME), -kstar * kd])
    def toQ(v):
        bp = (bQ * v[1:]).sum(0)
        e = g * (v[0] + bp)
        p = v[1:] + bQ * ((g - 1) / b2 * bp + g * v[0])
        return np.vstack([e, p])
    k, lep = toQ(k_r), toQ(l_r)
    # dPhi_3 = dE4 d|t| dphi / ((2 pi)^3 4 PB) * (shat - m^2)/(32 pi^2 shat) dcos* dphi*
    jac = (EB * xe * (lxmax - lxmin)) * (tabs * (np.log(tmax) - np.log(tmin))) * 2 * math.pi \
        * (w * (hi - lo)) * 2 * math.pi / ((2 * math.pi) ** 3 * 4 * PB) * (shat - ME * ME) / (32 * math.pi ** 2 * shat)
    if electron_spectator:
        p3, p4 = spec, lep
    else:
        p3, p4 = lep, spec
    return beam_e, beam_p, p3, p4, k, np.where(ok, jac, 0.0)

def cross_section_integrand(emin, electron_spectator):
    @vegas.batchintegrand
    def f(x):
        p1, p2, p3, p4, k, jac = spectator_config(x, None, electron_spectator)
        tE, tP = -msq2(p1 - p3), -msq2(p2 - p4)
        region = (tE <= tP) if electron_spectator else (tP < tE)
        kl, l3, l4 = cms_to_lab(k), cms_to_lab(p3), cms_to_lab(p4)
        thk, th3, th4 = theta_deg(kl), theta_deg(l3), theta_deg(l4)
        cut = (k[0] > emin) & (thk > THETA_LO) & (thk < THETA_HI)
        cut &= ((th3 < THETA_LO) | (th3 > THETA_HI)) & ((th4 < THETA_LO) | (th4 > THETA_HI))
        good = region & cut & (jac > 0)
        out = np.zeros(x.shape[0])
        if good.any():
            idx = np.nonzero(good)[0]
            sub = lambda v: v[:, idx]
            m2 = exact_m2(sub(p1), sub(p2), sub(p3), sub(p4), sub(k))
            out[idx] = m2 / (2 * S * math.sqrt(1 - 4 * ME * ME / S)) * jac[idx] * HBARC2_FB
        return out
    return f

def sigma(emin, neval, nitn=12):
    total, var, parts = 0.0, 0.0, []
    for spec in (True, False):
        integ = vegas.Integrator([[0, 1]] * 5)
        f = cross_section_integrand(emin, spec)
        integ(f, nitn=8, neval=neval)
        r = integ(f, nitn=nitn, neval=neval)
        parts.append((r.mean, r.sdev))
        total += r.mean; var += r.sdev ** 2
    return total, math.sqrt(var), parts

def me_points():
    rng = np.random.default_rng(7)
    pts = []
    for spec in (True, False):
        x = rng.uniform(size=(12, 5))
        p1, p2, p3, p4, k, jac = spectator_config(x, None, spec)
        ex = exact_m2(p1, p2, p3, p4, k)
        ca = calkul(p1, p2, p3, p4, k)
        for i in range(x.shape[0]):
            if jac[i] <= 0:
                continue
            col = lambda v: [float(a) for a in v[:, i]]
            pts.append({"p1": col(p1), "p2": col(p2), "p3": col(p3), "p4": col(p4), "k": col(k),
                        "t_e_minus": float(msq2(p1 - p3)[i]), "t_e_plus": float(msq2(p2 - p4)[i]),
                        "exact_massive": float(ex[i]), "calkul_massless": float(ca[i])})
    return pts

if __name__ == "__main__":
    pts = me_points()
    for p in pts:
        print("t-=%.2e t+=%.2e exact/calkul-1 = %.2e" % (p["t_e_minus"], p["t_e_plus"], p["calkul_massless"] / p["exact_massive"] - 1))
    out = {"sqrt_s_gev": RS, "theta_lab_deg": [THETA_LO, THETA_HI], "matrix_element_points": pts, "cross_sections": []}
    for emin in (0.5, 1.0):
        v, e, parts = sigma(emin, 40000)
        print("EMIN", emin, v, e, parts)
        out["cross_sections"].append({"min_energy_gev": emin, "sigma_fb": v, "sigma_error_fb": e,
                                      "electron_spectator_part_fb": parts[0][0], "positron_spectator_part_fb": parts[1][0]})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "radiative_bhabha_reference.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)
