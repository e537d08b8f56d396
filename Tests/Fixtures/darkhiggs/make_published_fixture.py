#!/usr/bin/env python3
"""Write published_8fb.json: what could be retrieved of the Belle II dark Higgsstrahlung
search e+e- -> A' h', A' -> mu+ mu-, h' invisible (PRL 130 (2023) 071804, arXiv:2207.00509,
8.34 fb^-1).

Only the abstract and bibliographic records of the paper were retrievable with the search
tools (see README.md); no HEPData table, no figure digitisation and no full text. The
fixture therefore holds the abstract's observed-limit ranges and NO per-mass points.
Nothing here is digitised or estimated. Standard library only:

    python3 make_published_fixture.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

ABSTRACT = (
    "We search for the simultaneous production of A' and h' in the dark Higgsstrahlung process "
    "e+e- -> A'h' with A' -> mu+mu- and h' invisible in electron-positron collisions at a "
    "center-of-mass energy of 10.58 GeV in data collected by the Belle II experiment in 2019. With "
    "an integrated luminosity of 8.34 fb-1, we observe no evidence for signal. We obtain exclusion "
    "limits at 90% Bayesian credibility in the range of 1.7--5.0 fb on the cross section and in the "
    "range of 1.7x10^-8--200x10^-8 on the effective coupling eps^2 x alpha_D for the A' mass in the "
    "range of 4.0 GeV/c^2 < M_A' < 9.7 GeV/c^2 and for the h' mass M_h' < M_A' [...] Our limits are "
    "the first in this mass range."
)

NOT_FOUND = [
    "expected limits (any M_A', M_h')",
    "observed limits at individual (M_A', M_h') points, 1D slices or a 2D table",
    "HEPData record (none seen in the stored hepdata.net listings of Belle-II records)",
    "number of search windows (the brief's '~9000' could not be confirmed)",
    "window/ellipse construction (semi-axes as multiples of the M_mumu and M_recoil resolutions)",
    "M_mumu and recoil-mass ranges of the scan beyond the abstract's 4.0 < M_A' < 9.7 GeV/c^2",
    "selection cuts, signal efficiencies, background composition and levels",
    "local significance of the largest excess, global significance / look-elsewhere statement",
    "systematic uncertainties",
]


def fixture():
    return {
        "source": {
            "paper": "Belle II Collaboration (F. Abudinen et al.), 'Search for a dark photon and an "
                     "invisible dark Higgs boson in mu+mu- and missing energy final states with the "
                     "Belle II experiment', Phys. Rev. Lett. 130 (2023) 071804",
            "arxiv": "2207.00509 (v4, revised 10 Jul 2023)",
            "doi": "10.1103/PhysRevLett.130.071804",
            "report_numbers": "Belle II Preprint 2022-001; KEK Preprint 2022-6",
            "abstract": ABSTRACT,
            "retrieved_via": [
                "https://vtechworks.lib.vt.edu/items/4ccd08f9-de41-46ce-b1bf-876c425531d8 (published abstract)",
                "https://arxivlens.com/PaperView/Details/search-for-a-dark-photon-and-an-invisible-dark-higgs-boson-in-mumu-and-missing-energy-final-states-with-the-belle-ii-experiment-4368-1681527 (arXiv abstract)",
                "https://bib-pubdb1.desy.de/record/576796 (journal reference, report numbers)",
                "https://arxiv.boxedpaper.com/abs/2207.00509 (arXiv abstract page, version history)",
            ],
            "related_thesis": "M. Bertemes, 'Search for dark sector physics and performance of the Belle II "
                              "detector in final state events with muons and large missing energy', PhD "
                              "thesis, HEPHY Vienna 2021, BELLE2-PTHESIS-2022-001 "
                              "(https://docs.belle2.org/record/2949): covers this analysis; only its "
                              "abstract was retrievable.",
        },
        "hepdata": None,
        "luminosity_inv_fb": 8.34,
        "cl": 0.90,
        "points": [],
        "abstract_ranges": {
            "statistics": "90% Bayesian credibility (observed limits)",
            "sigma_fb_observed_min": 1.7,
            "sigma_fb_observed_max": 5.0,
            "eps2_alphaD_observed_min": 1.7e-8,
            "eps2_alphaD_observed_max": 2.0e-6,
            "m_aprime_gev_range": [4.0, 9.7],
            "m_hprime_condition": "M_h' < M_A'",
            "sqrt_s_gev": 10.58,
            "data": "Belle II 2019",
        },
        "analysis_facts": {
            "from_abstract": {
                "process": "e+e- -> A' h', A' -> mu+ mu-, h' invisible (dark Higgsstrahlung)",
                "final_state": "mu+ mu- and missing energy",
                "mass_range": "4.0 GeV/c^2 < M_A' < 9.7 GeV/c^2, M_h' < M_A'",
                "result": "no evidence for signal; limits are the first in this mass range",
            },
            "not_found": NOT_FOUND,
        },
        "notes": [
            "points is EMPTY on purpose: no per-mass expected or observed value of arXiv:2207.00509 could "
            "be retrieved (stored copies hold only abstracts and title pages; no HEPData record and no "
            "third-party digitisation, e.g. Darkcast, was found). Nothing was digitised or invented.",
            "Use abstract_ranges only as an envelope: every observed 90% limit of the paper on sigma lies in "
            "[1.7, 5.0] fb and on eps^2 alpha_D in [1.7e-8, 2.0e-6] for 4.0 < M_A' < 9.7 GeV, M_h' < M_A'. "
            "A DarkSector expected limit on sigma for 8.34 fb^-1 outside [0.85, 10] fb (the published "
            "observed range widened by a factor 2 each way) would be suspicious; this is not a "
            "per-point test.",
            "analysis_facts.not_found lists what the brief asked for and could not be confirmed; none of "
            "those items is asserted here.",
            "Generated by make_published_fixture.py (run it to regenerate).",
        ],
    }


def main():
    path = os.path.join(HERE, "published_8fb.json")
    with open(path, "w") as f:
        json.dump(fixture(), f, indent=2)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
