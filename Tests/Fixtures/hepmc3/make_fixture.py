#!/usr/bin/env python3
"""Writes events.hepmc3 with pyhepmc (HepMC3's own ASCII writer, HepMC::Asciiv3) and
expected.json with what a reader must find in it: final-state particles (status 1) with
momenta in GeV and production vertices in cm, weights and weight names, and the cross
section in fb.

Events are built in the e+e- centre-of-mass frame at sqrt(s) = 10.58 GeV and written in
MeV and mm, so that a reader has to convert both units. Event 2 has a K_S that flies 4 cm
before decaying to pi+ pi- (displaced vertex with a position); the others are prompt.

Run: python3 make_fixture.py   (pyhepmc 2.16.1 from PyPI)
"""
import json
import math
import os

import pyhepmc as hep

HERE = os.path.dirname(os.path.abspath(__file__))
SQRT_S = 10.58  # GeV
M = {11: 0.000510999, 13: 0.1056584, 211: 0.13957039, 310: 0.497611, 130: 0.497611, 22: 0.0}
SIGMA_PB = 1148.0       # written cross section, pb
SIGMA_ERR_PB = 3.5
WEIGHT_NAMES = ["nominal", "isr_up"]
MEV, MM = 1000.0, 10.0  # GeV -> MeV, cm -> mm


def boost(p, beta):
    """Boosts four-vector p = (px, py, pz, e) by velocity beta = (bx, by, bz)."""
    b2 = sum(b * b for b in beta)
    if b2 == 0:
        return p
    g = 1 / math.sqrt(1 - b2)
    bp = sum(beta[i] * p[i] for i in range(3))
    k = (g - 1) * bp / b2 + g * p[3]
    return (p[0] + k * beta[0], p[1] + k * beta[1], p[2] + k * beta[2], g * (p[3] + bp))


def two_body(parent, m1, m2, theta, phi):
    """Decays parent (px, py, pz, e) into masses m1, m2 at rest-frame angles theta, phi."""
    mp = math.sqrt(parent[3] ** 2 - sum(x * x for x in parent[:3]))
    q = math.sqrt((mp * mp - (m1 + m2) ** 2) * (mp * mp - (m1 - m2) ** 2)) / (2 * mp)
    d = (q * math.sin(theta) * math.cos(phi), q * math.sin(theta) * math.sin(phi), q * math.cos(theta))
    a = (*d, math.sqrt(q * q + m1 * m1))
    b = (-d[0], -d[1], -d[2], math.sqrt(q * q + m2 * m2))
    beta = tuple(x / parent[3] for x in parent[:3])
    return boost(a, beta), boost(b, beta)


def beams():
    e = SQRT_S / 2
    pz = math.sqrt(e * e - M[11] ** 2)
    return [(11, (0, 0, pz, e)), (-11, (0, 0, -pz, e))]


def pair_with_photon(pdg, k, theta_g, phi_g, theta, phi):
    """l+ l- gamma: photon of energy k, the pair recoiling and decaying at (theta, phi)."""
    g = (k * math.sin(theta_g) * math.cos(phi_g), k * math.sin(theta_g) * math.sin(phi_g), k * math.cos(theta_g), k)
    system = (-g[0], -g[1], -g[2], SQRT_S - k)
    lm, lp = two_body(system, M[pdg], M[pdg], theta, phi)
    return [(pdg, lm), (-pdg, lp), (22, g)]


def fv(p, scale):
    return hep.FourVector(*(scale * x for x in p))


def build(number, finals, weights, displaced=None):
    """finals: [(pdg, p)] from the primary vertex at the origin; displaced: (K_S momentum,
    flight in cm, [(pdg, p)] daughters) for a K_S decaying in flight."""
    evt = hep.GenEvent(hep.Units.MEV, hep.Units.MM)
    evt.event_number = number
    primary = hep.GenVertex()
    for pdg, p in beams():
        primary.add_particle_in(hep.GenParticle(fv(p, MEV), pdg, 4))
    expected = []
    for pdg, p in finals:
        primary.add_particle_out(hep.GenParticle(fv(p, MEV), pdg, 1))
        expected.append({"pdg": pdg, "p_gev": list(p), "vertex_cm": [0.0, 0.0, 0.0]})
    evt.add_vertex(primary)
    if displaced:
        ks_p, flight_cm, daughters = displaced
        ks = hep.GenParticle(fv(ks_p, MEV), 310, 2)
        primary.add_particle_out(ks)
        pabs = math.sqrt(sum(x * x for x in ks_p[:3]))
        pos = [flight_cm * x / pabs for x in ks_p[:3]]
        ct = flight_cm * ks_p[3] / pabs  # c t = flight / beta
        decay = hep.GenVertex(hep.FourVector(*(MM * x for x in pos), MM * ct))
        decay.add_particle_in(ks)
        for pdg, p in daughters:
            decay.add_particle_out(hep.GenParticle(fv(p, MEV), pdg, 1))
            expected.append({"pdg": pdg, "p_gev": list(p), "vertex_cm": pos})
        evt.add_vertex(decay)
    evt.weights = weights
    xs = hep.GenCrossSection()
    xs.set_cross_section(SIGMA_PB, SIGMA_ERR_PB, -1, -1)
    evt.cross_section = xs
    return evt, {"event_number": number, "weights": weights, "particles": expected}


def main():
    run = hep.GenRunInfo()
    run.weight_names = WEIGHT_NAMES
    events = []
    events.append(build(1, pair_with_photon(13, 1.2, 0.7, 0.3, 1.1, 2.0), [1.0, 1.1]))
    # e+e- -> K_S K_L, K_S -> pi+ pi- after 4 cm.
    ks, kl = two_body((0, 0, 0, SQRT_S), M[310], M[130], 1.3, 0.4)
    pip, pim = two_body(ks, M[211], M[211], 0.9, 1.7)
    events.append(build(2, [(130, kl)], [0.8, 0.9], displaced=(ks, 4.0, [(211, pip), (-211, pim)])))
    mm, mp = two_body((0, 0, 0, SQRT_S), M[13], M[13], 2.2, -1.0)
    events.append(build(3, [(13, mm), (-13, mp)], [1.2, 1.0]))
    events.append(build(4, pair_with_photon(11, 0.35, 2.5, 1.0, 0.5, 0.2), [1.0, 0.95]))

    path = os.path.join(HERE, "events.hepmc3")
    with hep.io.WriterAscii(path) as writer:
        for evt, _ in events:
            evt.run_info = run
            writer.write(evt)
    expected = {
        "source": "pyhepmc %s WriterAscii (HepMC3 Asciiv3), written in MEV and MM" % hep.__version__,
        "cross_section_fb": SIGMA_PB * 1000.0,
        "cross_section_uncertainty_fb": SIGMA_ERR_PB * 1000.0,
        "weight_names": WEIGHT_NAMES,
        "events": [e for _, e in events],
    }
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
