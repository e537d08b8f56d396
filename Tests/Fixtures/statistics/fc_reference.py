#!/usr/bin/env python3
"""Reference Feldman-Cousins intervals (PRD 57 (1998) 3873), Poisson signal mu >= 0
with known background b.

Construction (exact, no approximation): for a given mu, every n = 0..N_MAX is ranked
by R(n) = Pois(n | mu + b) / Pois(n | max(0, n - b) + b); n are accepted in
decreasing R until the summed probability reaches CL (>= CL).  The interval for an
observed n0 is the set of mu >= 0 whose acceptance region contains n0.

Ends: the acceptance changes discontinuously in mu, so every end is located by a
scan in mu with step 0.001 followed by bisection (to 1e-10) between the last grid
point inside and the first grid point outside the set.  The reported number is the
transition point itself.

Conventions (both stored):
  plain     : outer bounds (inf, sup) of the accepting mu set at background b.
  published : lower = plain lower; upper = sup over b' >= b of plain_upper(n0, b').
              This reproduces the FC paper's Tables IV/V, whose n0 = 0 (and a few
              other small-n0) upper ends do not decrease where the plain
              construction's do (e.g. 90%, n0 = 0, b = 3: plain 0.953..., paper 1.08).
              The plain upper end is piecewise decreasing in b' with up-jumps; the sup
              is found from a coarse b' sweep (step 0.01, b' <= 11) whose up-jumps
              are located by bisection in b' and evaluated just above the jump.
              'published_upper_argmax_b' records where the sup is reached.

Run:  python3 fc_reference.py   (writes fc_reference.json next to it)
"""
import json
import os
import sys

import numpy as np
import scipy
from scipy import special

N_MAX = 120
NS_ALL = np.arange(N_MAX + 1)
LGF_ALL = special.gammaln(NS_ALL + 1.0)
CLS = (0.90, 0.95)
BS = (0.0, 0.5, 1.0, 2.0, 3.0, 5.0)
N0S = range(0, 11)
MU_MAX = 30.0
B_EXTRA = 6.0


def accept(mus, b, cl):
    """Boolean acceptance matrix [len(mus), N_MAX+1]."""
    mus = np.atleast_1d(np.asarray(mus, dtype=float))
    # n beyond nmax carry < 1e-12 probability and rank last; they never matter
    lmax = float(mus.max()) + b
    nmax = min(N_MAX, int(lmax + 10.0 * np.sqrt(lmax + 1.0) + 20))
    NS = NS_ALL[: nmax + 1]
    LGF = LGF_ALL[: nmax + 1]
    lam = mus[:, None] + b
    logp = special.xlogy(NS[None, :], lam) - lam - LGF[None, :]
    best = np.maximum(0.0, NS - b) + b
    logpbest = special.xlogy(NS, best) - best - LGF
    logR = logp - logpbest[None, :]
    p = np.exp(logp)
    order = np.argsort(-logR, axis=1)
    p_sorted = np.take_along_axis(p, order, axis=1)
    before = np.cumsum(p_sorted, axis=1) - p_sorted
    # number accepted: ranked n are taken while the sum before them is < CL
    k = np.sum(before < cl, axis=1)
    thr = np.take_along_axis(np.take_along_axis(logR, order, axis=1), (k - 1)[:, None], axis=1)
    acc = logR >= thr
    return acc


def member(mu, n0, b, cl):
    return bool(accept([mu], b, cl)[0, n0])


def bisect(lo_in, hi_out, n0, b, cl, tol=1e-10):
    """lo_in: member, hi_out: not member (either order). returns transition point."""
    a, c = lo_in, hi_out
    while abs(c - a) > tol:
        m = 0.5 * (a + c)
        if member(m, n0, b, cl):
            a = m
        else:
            c = m
    return 0.5 * (a + c)


def plain_intervals(b, cl, step=0.001, mu_max=MU_MAX, n0s=N0S, want_lower=True):
    mus = np.round(np.arange(0.0, mu_max + step / 2, step), 12)
    acc = accept(mus, b, cl)
    out = {}
    for n0 in n0s:
        idx = np.nonzero(acc[:, n0])[0]
        if len(idx) == 0:
            out[n0] = None
            continue
        i_lo, i_hi = idx[0], idx[-1]
        if i_hi == len(mus) - 1:
            raise RuntimeError("mu_max too small")
        if want_lower:
            lower = 0.0 if i_lo == 0 else bisect(mus[i_lo], mus[i_lo - 1], n0, b, cl)
        else:
            lower = None
        upper = bisect(mus[i_hi], mus[i_hi + 1], n0, b, cl)
        contiguous = bool(len(idx) == i_hi - i_lo + 1)
        if want_lower and not contiguous:
            # locate every piece of the accepting set (gaps seen on the grid), by bisection
            pieces, start = [], lower
            for a, c in zip(idx[:-1], idx[1:]):
                if c != a + 1:
                    pieces.append([start, bisect(mus[a], mus[a + 1], n0, b, cl)])
                    start = bisect(mus[c], mus[c - 1], n0, b, cl)
            pieces.append([start, upper])
            out[n0] = (lower, upper, pieces)
        else:
            out[n0] = (lower, upper, contiguous)
    return out


def upper_precise(n0, bp, cl, window):
    """Plain upper end at background bp: scan mu over window (step 0.0005), then bisection."""
    mus = np.arange(window[0], window[1], 0.0005)
    a = accept(mus, bp, cl)[:, n0]
    idx = np.nonzero(a)[0]
    if len(idx) == 0:
        return -np.inf
    assert idx[-1] < len(mus) - 1 and idx[0] == 0, (n0, bp, cl, window)
    return bisect(mus[idx[-1]], mus[idx[-1] + 1], n0, bp, cl)


def coarse_sweep(cl, bgrid, mu_step=0.002, mu_max=22.0):
    """u[j, n0] = last accepted mu grid point (no bisection) at b' = bgrid[j]."""
    mus = np.arange(0.0, mu_max + mu_step / 2, mu_step)
    u = np.empty((len(bgrid), len(N0S)))
    for j, bp in enumerate(bgrid):
        acc = accept(mus, bp, cl)
        for k, n0 in enumerate(N0S):
            u[j, k] = mus[np.nonzero(acc[:, n0])[0][-1]]
    return u


def published_upper(n0, b, cl, bgrid, u, plain_up):
    """sup over b' >= b of the plain upper end.  Within a b'-segment the plain upper
    end decreases with b'; it jumps up where the acceptance ordering changes.  So the
    sup is either at b itself or just to the right of an up-jump at b_j > b.  Each
    up-jump seen on the coarse grid is located by bisection in b' (to 1e-11) and the
    plain upper end is evaluated at b_j + 1e-10 (and at b_j + 1e-9 as a check)."""
    k = list(N0S).index(n0)
    best, best_b = plain_up, b
    for j in range(1, len(bgrid)):
        if bgrid[j] <= b or u[j, k] <= u[j - 1, k]:
            continue
        if u[j, k] < best - 0.01:
            continue
        lo, hi = max(b, bgrid[j - 1]), bgrid[j]
        window = (max(0.0, min(u[j - 1, k], u[j, k]) - 0.3), max(u[j - 1, k], u[j, k]) + 0.3)
        target = upper_precise(n0, hi, cl, window)
        if upper_precise(n0, lo, cl, window) >= target:
            # no jump inside (b lies past it): the sup of this segment is at lo = b
            continue
        while hi - lo > 1e-11:
            m = 0.5 * (lo + hi)
            if upper_precise(n0, m, cl, window) >= target:
                hi = m
            else:
                lo = m
        v = upper_precise(n0, hi + 1e-10, cl, window)
        v2 = upper_precise(n0, hi + 1e-9, cl, window)
        assert abs(v - v2) < 1e-7, (n0, b, cl, hi, v, v2)
        if v > best:
            best, best_b = v, float(hi)
    return best, best_b


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cases = []
    bgrid = np.round(np.arange(0.0, max(BS) + B_EXTRA + 1e-9, 0.01), 10)
    for cl in CLS:
        u = coarse_sweep(cl, bgrid)
        for b in BS:
            plain = plain_intervals(b, cl)
            for n0 in N0S:
                lo, up, contiguous = plain[n0]
                pieces = None
                if not isinstance(contiguous, bool):
                    pieces, contiguous = [[float(x) for x in p] for p in contiguous], False
                pub_up, pub_b = published_upper(n0, b, cl, bgrid, u, up)
                lo, up, pub_up = float(lo), float(up), float(pub_up)
                cases.append({
                    "n": n0, "b": b, "cl": cl,
                    "plain_lower": lo, "plain_upper": up,
                    "published_lower": lo, "published_upper": pub_up,
                    "published_upper_argmax_b": pub_b,
                    "accepting_set_contiguous_on_0.001_grid": contiguous,
                    "accepting_set_pieces": pieces,
                    "table_2dp": [round(lo + 1e-9, 2), round(pub_up + 1e-9, 2)],
                })
                print(f"CL={cl} b={b} n={n0:2d} plain=[{lo:.6f}, {up:.6f}] published_upper={pub_up:.6f} (b'={pub_b:.6f})"
                      f"{'' if contiguous else '  NON-CONTIGUOUS'}", flush=True)
    doc = {
        "source": ("fc_reference.py: exact Feldman-Cousins construction, Poisson with known background; "
                   f"n = 0..{N_MAX} ranked; mu scan step 0.001 on [0, {MU_MAX}] then bisection to 1e-10; "
                   f"published upper = sup over b' in [b, {max(BS) + B_EXTRA}] of the plain upper end "
                   "(coarse b' grid 0.01 with mu grid 0.002 to find up-jumps, each jump located by bisection in b' "
                   "to 1e-11, upper end evaluated just above it). "
                   f"python {sys.version.split()[0]}, scipy {scipy.__version__}, numpy {np.__version__}."),
        "conventions": {
            "plain": "outer bounds of the set of mu >= 0 whose acceptance region contains n (transition points)",
            "published": "lower = plain lower; upper = sup over b' >= b of plain upper (reproduces FC paper Tables IV/V)",
            "published_upper_argmax_b": "background b' at which the sup is reached (== b when published == plain)",
            "table_2dp": "published interval rounded to 2 decimals (derived by this script)",
            "accepting_set_pieces": "null when the accepting mu set is one interval; else its pieces [[lo, hi], ...]",
        },
        "cases": cases,
    }
    with open(os.path.join(here, "fc_reference.json"), "w") as f:
        json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()
