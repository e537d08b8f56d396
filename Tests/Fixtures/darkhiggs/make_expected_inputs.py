#!/usr/bin/env python3
"""Extract the counting inputs of every 4th dark-Higgsstrahlung window with 4.0 < M_A' < 9.7
GeV (the published range) from a blinded run at 8.34 fb^-1, for
DarkHiggsStatisticsOnStoredInputsTests (with make_statistics_reference.py's scipy limits).

The run behind expected_inputs_8fb.json (2026-11-23): simulation at the full 8.34 fb^-1 for
mu mu, tau tau and e e mu mu (the production in
Searches/DarkHiggsstrahlung/config/production_8fb.yaml; 18 M events), so that no window's
background is 0.1 fb^-1 of simulation scaled 83-fold:
    darksector generate --config Searches/DarkHiggsstrahlung/config/production_8fb.yaml --out Samples/dh8fb
    darksector run dark-higgsstrahlung --config Searches/DarkHiggsstrahlung/config/lumi_8fb.yaml --samples Samples/dh8fb
    python3 Tests/Fixtures/darkhiggs/make_expected_inputs.py Results/dark-higgsstrahlung/<run-id>/limits.json \
        > Tests/Fixtures/darkhiggs/expected_inputs_8fb.json
Columns are stored as parallel arrays (compact); rounding to 6 significant digits changes no
limit by more than 1e-5.
"""
import json
import sys

limits = json.load(open(sys.argv[1]))
rows = [r for r in limits["rows"] if 4.0 < r["input"]["hypothesis"]["parameters"]["m_aprime"] < 9.7]
keep = [r for r in rows[::4] if r["input"]["signalEfficiency"] > 0]


def col(f):
    return [float("%.6g" % f(r)) for r in keep]


out = {
    "source": "blinded darksector run dark-higgsstrahlung, lumi_8fb.yaml, samples of production_8fb.yaml; configuration "
              + limits["configurationHash"],
    "luminosity_inv_fb": 8.34,
    "windows_in_range": len(rows),
    "every": 4,
    "m_aprime": col(lambda r: r["input"]["hypothesis"]["parameters"]["m_aprime"]),
    "m_hprime": col(lambda r: r["input"]["hypothesis"]["parameters"]["m_hprime"]),
    "signal_efficiency": col(lambda r: r["input"]["signalEfficiency"]),
    "expected_background": col(lambda r: r["input"]["expectedBackground"]),
    "relative_signal_uncertainty": col(lambda r: r["input"]["relativeSignalUncertainty"]),
    "relative_background_uncertainty": col(lambda r: r["input"]["relativeBackgroundUncertainty"]),
}
print(json.dumps(out, sort_keys=True))
