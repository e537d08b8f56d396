#!/usr/bin/env python3
"""Extract the counting-experiment inputs (signal efficiency, expected background, relative
uncertainties) per Z' mass from a blinded `darksector run zprime-invisible` at 276 pb^-1, so
that ZPrimeStatisticsOnStoredInputsTests can recompute the expected limits with the current
statistics code and compare them with scipy's (make_statistics_reference.py).

The run that made expected_inputs_276pb.json (2026-11-23, ~3 min on two cores):
    darksector generate --lumi 0.276 --out Samples/lumi276pb
    darksector run zprime-invisible --config Searches/ZPrimeInvisible/config/lumi_276pb.yaml \
        --samples Samples/lumi276pb
    python3 Tests/Fixtures/zprime/make_expected_inputs.py Results/zprime-invisible/<run-id>/limits.json \
        > Tests/Fixtures/zprime/expected_inputs_276pb.json
"""
import json
import sys

limits = json.load(open(sys.argv[1]))
out = {"source": "blinded darksector run zprime-invisible, lumi_276pb.yaml, samples `darksector generate --lumi 0.276` (MC 0.552 fb^-1, pseudo-data 0.276 fb^-1), configuration " + limits["configurationHash"],
       "luminosity_inv_fb": 0.276, "points": []}
for r in limits["rows"]:
    i = r["input"]
    out["points"].append({"m_zprime": i["hypothesis"]["parameters"]["m_zprime"], "signal_efficiency": i["signalEfficiency"],
                          "expected_background": i["expectedBackground"],
                          "relative_signal_uncertainty": i["relativeSignalUncertainty"],
                          "relative_background_uncertainty": i["relativeBackgroundUncertainty"]})
print(json.dumps(out, indent=1, sort_keys=True))
