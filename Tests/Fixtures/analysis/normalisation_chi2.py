#!/usr/bin/env python3
"""Reference for ControlSampleTests.testNormalisationUncertaintyEntersTheChi2AsACorrelatedTerm.

The chi2 of data d against a simulation m whose bins have variances v_i (expected Poisson
plus simulation statistics) and share a relative normalisation uncertainty s has the
covariance V = diag(v) + s^2 m m^T; chi2 = r^T V^-1 r with r = d - m. Computed here by a
full matrix inverse (numpy), independently of the closed form the Swift code uses.
Writes normalisation_chi2.json.
"""
import json
import numpy as np

cases = []
# The two-bin example of testComparisonRatioChi2AndPullsByHand: MC 60 +- sqrt(120) and
# 40 +- sqrt(40), data 80 and 20.
for s in (0.0, 0.05, 0.1, 0.3):
    m = np.array([60.0, 40.0]); v = np.array([60.0 + 120.0, 40.0 + 40.0]); d = np.array([80.0, 20.0])
    V = np.diag(v) + s * s * np.outer(m, m)
    r = d - m
    cases.append({"s": s, "chi2": float(r @ np.linalg.solve(V, r))})
json.dump({"generator": "numpy.linalg.solve of (diag(v) + s^2 m m^T)", "cases": cases},
          open(__file__.replace(".py", ".json"), "w"), indent=1)
print(json.dumps(cases, indent=1))
