#!/usr/bin/env python3
"""Background in the M_h' ~ 0 corner (4 < M_mumu < 9.7 GeV, M_rec < 1.5 GeV) after the
preselection, the vetoes and the loosest tunable cuts, per process, with and without the
undetected-photon vetoes (KLM veto, recoil 1 deg inside the ECL crystals), and the signal
efficiency of those vetoes per generated point, from a run's candidates/ (issue #23).

    python3 corner_background.py Results/dark-higgsstrahlung/<run-id>/
"""
import json, struct, sys, numpy as np
def read(path):
    with open(path, 'rb') as f:
        assert f.read(8) == b"DSCAND1\n"
        hl = struct.unpack('<Q', f.read(8))[0]
        h = json.loads(f.read(hl))
        n = h["rows"]; cols = {}
        for name in h["observables"]:
            cols[name] = np.frombuffer(f.read(8 * n), dtype='<f8')
        cols["_id"] = np.frombuffer(f.read(8 * n), dtype='<i8')
        cols["_w"] = np.frombuffer(f.read(8 * n), dtype='<f8')
        cols["_p"] = np.frombuffer(f.read(4 * n), dtype='<i4')
    return h, cols
run = sys.argv[1]
hb, b = read(run + "/candidates/background.cand")
hs, s = read(run + "/candidates/signal.cand")
print("background processes", hb["processes"], "rows", hb["rows"])
def base(c):
    with np.errstate(invalid='ignore'):
        return (c["photon_veto_angle_deg"] > 15) & (c["n_pi0"] < 0.5) & (c["extra_energy"] < 0.4) & (c["pt_mumu_cms"] > 0.4) & (c["recoil_abs_cos_theta_cms"] < 0.95) & (c["m_mumu"] > 1.65)
new = "n_klm_neutral" in b
def cuts(c):
    klm = c["n_klm_neutral"] < 0.5
    with np.errstate(invalid='ignore'):
        rec = c["recoil_ecl_crystal_distance_deg"] > 1.0
    return klm, rec
# M_h' ~ 0 corner: 4 < M_mumu < 9.7, M_rec < 1.5 GeV (sigma_rec ~ 1 GeV at M_h' = 0)
def corner(c):
    with np.errstate(invalid='ignore'):
        return (c["m_mumu"] > 4.0) & (c["m_mumu"] < 9.7) & (c["m_recoil"] < 1.5)
mb = base(b) & corner(b)
print("background in the M_h'~0 corner (4<M_mumu<9.7, M_rec<1.5 GeV), loosest tunable cuts, weighted (events):")
for i, p in enumerate(hb["processes"]):
    sel = mb & (b["_p"] == i)
    line = "  %-8s all %9.1f (%d)" % (p, b["_w"][sel].sum(), sel.sum())
    if new:
        klm, rec = cuts(b)
        for nm, m in [("klm", klm), ("rec", rec), ("both", klm & rec)]:
            ss = sel & m
            line += "  %s %9.1f (%d)" % (nm, b["_w"][ss].sum(), ss.sum())
    print(line)
if new:
    klm, rec = cuts(b)
    # where do the survivors' recoils point
    sel = mb
    th = b["recoil_theta_lab_deg"][sel]; w = b["_w"][sel]
    d = b["recoil_ecl_crystal_distance_deg"][sel]
    print("  recoil lab theta of corner background: outside ECL %.1f, gaps %.1f, within 1 deg of an edge (inside) %.1f, crystals %.1f" % (
        w[(th < 12.4) | (th > 155.1)].sum(), w[(d < 0) & (th > 12.4) & (th < 155.1)].sum(), w[(d >= 0) & (d <= 1)].sum(), w[d > 1].sum()))
    print("  of which KLM neutral >= 1: %.1f" % w[b["n_klm_neutral"][sel] > 0.5].sum())
print("signal efficiency (relative, after the loosest cuts) of the new cuts, M_h' = 0 and others:")
for i, p in enumerate(hs["processes"]):
    sel = base(s) & (s["_p"] == i)
    if not new or sel.sum() == 0: continue
    klm, rec = cuts(s)
    w = s["_w"]
    print("  %-22s n %5d  klm %.3f  rec %.3f  both %.3f" % (p, sel.sum(), w[sel & klm].sum() / w[sel].sum(), w[sel & rec].sum() / w[sel].sum(), w[sel & klm & rec].sum() / w[sel].sum()))
