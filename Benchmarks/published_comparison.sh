#!/usr/bin/env bash
# Published comparison that runs the whole chain (issue #23): Z' -> invisible at 276 pb^-1
# against PRL 124 (2020) 141801. Opt-in, not part of `make test` (minutes, not seconds).
#
#   Benchmarks/published_comparison.sh [--fraction 0.25|1] [--seed N] [--out DIR]
#                                      [--darksector PATH] [--jobs N]
#
# 1. generate: MC and pseudo-data with a fixed seed at a reduced but stated luminosity,
#    L_sample = fraction x 276 pb^-1 (the embedded production; mu mu MC at twice that);
# 2. select, optimise, validate, limits: the single stages of `darksector run`, with
#    Searches/ZPrimeInvisible/config/lumi_276pb.yaml, which normalises the MC to 276 pb^-1,
#    so the expected limits are for 276 pb^-1 whatever the fraction (a smaller fraction only
#    means fewer MC events behind each background estimate). Validate runs because the
#    background systematic comes from its control sample (without it the limits stage
#    assumes 100%);
# 3. compares the expected (median) Bayesian g' with the published 90% limits
#    (Tests/Fixtures/zprime/published_276pb_expected.json, the Darkcast digitisation of the
#    paper's Fig. 3) at each published mass, and exits 1 if any ratio lies outside the
#    tolerance below, 2 if the chain itself failed.
#
# TOLERANCE, fixed before running (ratio r = ours / published, pass if 1/T <= r <= T):
#   T = 1.5 x (1 + 3 d), d the relative MC-statistical error of our g':
#   - 1.5 is issue #23's acceptance bound for 276 pb^-1. It covers what is not MC statistics:
#     the published curve is the OBSERVED limit (ours is the expected median; the +-1 sigma
#     band is about +-15% in g' here), digitised to +-20% (fixture notes), and the known
#     differences of the parametrised detector and generators from Belle II's 2019 ones.
#   - d: the background b in a recoil-mass window at 276 pb^-1 is ~60 events, estimated
#     from N_MC = 2 x fraction x 60 simulated events (mu mu MC at twice the luminosity;
#     Tests/Fixtures/zprime/expected_inputs_276pb.json has b = 28-111), so
#     d_b = 1/sqrt(N_MC); the limit on s grows like sqrt(b) and g' like sqrt(s), so
#     d = d_b / 4: fraction 1 -> d = 0.023, T = 1.60; fraction 0.25 -> d = 0.046, T = 1.71.
# The published masses are 0.5, 1, 2, 3, 4, 5 and 5.9744 GeV; our grid (0.5 GeV steps) is
# interpolated linearly in log g' for 5.9744 (between 5.5 and 6.0 GeV).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
fraction=0.25
seed=20200124
out="${TMPDIR:-/tmp}/darksector-published-comparison"
darksector=""
jobs="$(nproc 2>/dev/null || echo 2)"

while [ $# -gt 0 ]; do
  case "$1" in
    --fraction) fraction="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --darksector) darksector="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    -h|--help) sed -n '2,35p' "$0"; exit 0 ;;
    *) echo "published_comparison.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

case "$fraction" in
  0.25) tolerance=1.71 ;;
  1|1.0) fraction=1; tolerance=1.60 ;;
  *) echo "published_comparison.sh: --fraction must be 0.25 or 1 (the tolerance is stated for those only), got '$fraction'" >&2; exit 2 ;;
esac

if [ -z "$darksector" ]; then
  for candidate in "$repo/.build/release/darksector" "$repo/.build/debug/darksector"; do
    if [ -x "$candidate" ]; then darksector="$candidate"; break; fi
  done
fi
if [ -z "$darksector" ] || [ ! -x "$darksector" ]; then
  echo "published_comparison.sh: no darksector executable (build it with 'make release' or pass --darksector PATH)" >&2
  exit 2
fi

lumi_sample=$(python3 -c "print(round($fraction * 0.276, 6))")
config="$repo/Searches/ZPrimeInvisible/config/lumi_276pb.yaml"
published="$repo/Tests/Fixtures/zprime/published_276pb_expected.json"
mkdir -p "$out"
export DARKSECTOR_DB="$out/darksector.sqlite"

# The tolerance is written down before anything runs.
cat > "$out/tolerance.json" <<EOF
{"fraction": $fraction, "sample_luminosity_inv_fb": $lumi_sample, "limit_luminosity_inv_fb": 0.276,
 "seed": $seed, "tolerance_ratio": $tolerance, "published": "$published"}
EOF
echo "published comparison: Z' -> invisible, limits for 276 pb^-1 from samples of $lumi_sample fb^-1 (seed $seed)"
echo "tolerance (fixed before running): 1/$tolerance <= expected g' / published <= $tolerance at every published mass"
echo "darksector: $darksector ($("$darksector" --version))"

stage() {  # name, then the command; times each stage, exits 2 when one fails
  local name="$1"; shift
  local start=$SECONDS
  if ! "$@" > "$out/$name.log" 2>&1; then
    echo "stage $name failed (log: $out/$name.log):" >&2
    tail -5 "$out/$name.log" >&2
    exit 2
  fi
  echo "  $name: $((SECONDS - start)) s"
}

samples="$out/samples-fraction$fraction-seed$seed"   # one folder per production: never mixed
stage generate "$darksector" generate --lumi "$lumi_sample" --seed "$seed" --out "$samples" --jobs "$jobs"
stage select "$darksector" select zprime-invisible --samples "$samples" --config "$config" --out "$out/results"
run_id=$(ls -t "$out/results/zprime-invisible" | head -1)
common=(--run-id "$run_id" --samples "$samples" --config "$config" --out "$out/results")
stage optimise "$darksector" optimise zprime-invisible "${common[@]}"
stage validate "$darksector" validate zprime-invisible "${common[@]}"
stage limits "$darksector" limits zprime-invisible "${common[@]}"

python3 - "$out/results/zprime-invisible/$run_id/limits.json" "$published" "$tolerance" "$out/comparison.json" <<'EOF'
import json, math, sys
limits_path, published_path, tolerance, out_path = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
limits = json.load(open(limits_path))
ours = sorted((r["point"]["hypothesis"]["parameters"]["m_zprime"], r["point"]["expectedCoupling"]["median"],
               r["input"]["relativeBackgroundUncertainty"]) for r in limits["rows"])
masses = [m for m, _, _ in ours]

def expected_g(mass):
    """Our median expected g' at `mass`: the grid value, or log-linear between grid neighbours."""
    for m, g, _ in ours:
        if abs(m - mass) < 1e-9:
            return g
    for (m0, g0, _), (m1, g1, _) in zip(ours, ours[1:]):
        if m0 < mass < m1 and g0 and g1:
            t = (mass - m0) / (m1 - m0)
            return math.exp((1 - t) * math.log(g0) + t * math.log(g1))
    return None

rows, failed = [], False
for p in json.load(open(published_path))["points"]:
    g_pub = p.get("gprime_observed")
    if g_pub is None:
        continue
    g = expected_g(p["mass_gev"])
    ratio = g / g_pub if g else None
    ok = ratio is not None and 1 / tolerance <= ratio <= tolerance
    failed |= not ok
    rows.append({"mass_gev": p["mass_gev"], "gprime_expected": g, "gprime_published": g_pub, "ratio": ratio, "pass": ok})
    print(f"  M = {p['mass_gev']:6.4f} GeV  expected g' {g:.4g}  published {g_pub:.4g}  ratio {ratio:.3f}  {'ok' if ok else 'FAIL'}"
          if ratio is not None else f"  M = {p['mass_gev']} GeV: no expected limit  FAIL")
json.dump({"limits": limits_path, "tolerance_ratio": tolerance, "configuration_hash": limits.get("configurationHash"),
           "background_uncertainty_by_mass": {str(m): rb for m, _, rb in ours},
           "rows": rows, "passed": not failed}, open(out_path, "w"), indent=1)
print(("FAIL" if failed else "PASS") + f": ratios {min(r['ratio'] or 0 for r in rows):.3f}-{max(r['ratio'] or 0 for r in rows):.3f}, "
      f"tolerance 1/{tolerance}-{tolerance} ({out_path})")
sys.exit(1 if failed else 0)
EOF
