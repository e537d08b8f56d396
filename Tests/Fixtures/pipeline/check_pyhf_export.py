#!/usr/bin/env python3
"""Load the pyhf workspaces that `darksector run zprime-invisible` exported (one per mass
point, copied here from a blinded demo run) with pyhf 0.7.6, validate them against pyhf's
schema, and compute the asymptotic CLs upper limits on mu (qtilde, 90% CL, default
interpolation). SearchPipelineTests/PyhfExportInteropTests checks DarkSector's own limits
on the same files against this output.

    python3 Tests/Fixtures/pipeline/check_pyhf_export.py > Tests/Fixtures/pipeline/pyhf_export_check.json
"""
import glob
import json
import os

import numpy as np
import pyhf

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    pyhf.set_backend("numpy")
    out = {"source": f"pyhf {pyhf.__version__}, numpy backend, asymptotic qtilde, toms748_scan at level 0.10",
           "workspaces": {}}
    for path in sorted(glob.glob(os.path.join(HERE, "pyhf_export", "*.json"))):
        with open(path) as f:
            spec = json.load(f)
        ws = pyhf.Workspace(spec)  # validates against the pyhf JSON schema
        model = ws.model()
        data = ws.data(model)
        obs, exp = pyhf.infer.intervals.upper_limits.toms748_scan(
            data, model, 0.0, 50.0, level=0.10, atol=1e-10, rtol=1e-10)
        out["workspaces"][os.path.basename(path)] = {
            "valid": True,
            "parameters": model.config.par_order,
            "observed_limit_90": float(obs),
            "expected_limits_90": [float(x) for x in np.asarray(exp)],
        }
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
