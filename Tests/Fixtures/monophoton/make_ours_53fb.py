#!/usr/bin/env python3
"""Write ours_53fb_expected.json: the mono-photon search's expected 90% CL limits on eps at
53 fb^-1 (BaBar's luminosity), for MonoPhotonBaBarComparisonTests.

This is the suite's own output, stored so that a quick test can compare it with an
independent curve (BaBar PRL 119 (2017) 131804, babar_2017_observed.json); the test never
compares it with itself. The sha256 of the two configurations is stored with it, and the test
fails when the shipped configurations no longer match (rerun this script then).

Make it (release build, from the repository root; about 10 minutes on 2 cores):
  darksector generate --config Searches/MonoPhoton/config/production_53fb.yaml --out Samples/mono53 --jobs 2
  darksector run mono-photon --config Searches/MonoPhoton/config/lumi_53fb.yaml --samples Samples/mono53 --out Results/mono53
  python3 Tests/Fixtures/monophoton/make_ours_53fb.py Results/mono53/mono-photon/<run id>

Only the Python standard library is needed.
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
CONFIGS = ["Searches/MonoPhoton/config/production_53fb.yaml", "Searches/MonoPhoton/config/lumi_53fb.yaml"]


def sha256(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main(run_dir):
    with open(os.path.join(run_dir, "limits.json")) as f:
        limits = json.load(f)
    if limits.get("search") != "mono-photon":
        sys.exit(f"{run_dir}/limits.json is not a mono-photon result (search = {limits.get('search')!r})")
    rows = []
    for r in limits["rows"]:
        inp, pt = r["input"], r["point"]
        if abs(inp["luminosityInvFb"] - 53.0) > 1e-9:
            sys.exit(f"{run_dir}/limits.json: luminosity {inp['luminosityInvFb']} fb^-1, expected 53")
        e = pt["expectedCoupling"]
        rows.append({
            "mass_gev": pt["hypothesis"]["parameters"]["m_aprime"],
            "eps_expected": {k: e[k] for k in ["minus2", "minus1", "median", "plus1", "plus2"]},
            "expected_background": inp["expectedBackground"],
            "relative_background_uncertainty": inp["relativeBackgroundUncertainty"],
            "signal_efficiency": inp["signalEfficiency"],
        })
    rows.sort(key=lambda r: r["mass_gev"])
    out = {
        "what": "expected (median and bands) 90% CL upper limit on eps, mono-photon search, 53 fb^-1, blinded run on MC",
        "made_by": "Tests/Fixtures/monophoton/make_ours_53fb.py from the limits.json of run " + os.path.basename(os.path.normpath(run_dir)),
        "method": limits.get("method"),
        "configuration_hash": limits.get("configurationHash"),
        "config_sha256": {p: sha256(p) for p in CONFIGS},
        "points": rows,
    }
    path = os.path.join(HERE, "ours_53fb_expected.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {path}: {len(rows)} masses")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
