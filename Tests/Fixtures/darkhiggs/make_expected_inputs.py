#!/usr/bin/env python3
"""Extract the counting inputs of every 20th dark-Higgsstrahlung window with 4.0 < M_A' < 9.7
GeV (the published range) from a blinded run at 8.34 fb^-1, for
DarkHiggsPublishedComparisonTests.

The run behind expected_inputs_8fb.json (2026-11-23, 108 s on two cores):
    darksector run dark-higgsstrahlung --config Searches/DarkHiggsstrahlung/config/lumi_8fb.yaml
(samples: the demo production, 0.1 fb^-1 of MC rescaled to 8.34 fb^-1; see the README for
what that means for the background estimate)
    python3 Tests/Fixtures/darkhiggs/make_expected_inputs.py Results/dark-higgsstrahlung/<run-id>/limits.json \
        > Tests/Fixtures/darkhiggs/expected_inputs_8fb.json
"""
import json
import math
import sys

limits = json.load(open(sys.argv[1]))
rows = [r for r in limits["rows"] if 4.0 < r["input"]["hypothesis"]["parameters"]["m_aprime"] < 9.7]
out = {"source": "blinded darksector run dark-higgsstrahlung, lumi_8fb.yaml, demo samples; configuration " + limits["configurationHash"],
       "luminosity_inv_fb": 8.34, "windows_in_range": len(rows), "points": []}
for r in rows[::20]:
    i = r["input"]
    if i["signalEfficiency"] <= 0:
        continue
    p = i["hypothesis"]["parameters"]
    out["points"].append({"m_aprime": p["m_aprime"], "m_hprime": p["m_hprime"], "signal_efficiency": i["signalEfficiency"],
                          "expected_background": i["expectedBackground"],
                          "relative_signal_uncertainty": i["relativeSignalUncertainty"],
                          "relative_background_uncertainty": i["relativeBackgroundUncertainty"]})
print(json.dumps(out, indent=1, sort_keys=True))
