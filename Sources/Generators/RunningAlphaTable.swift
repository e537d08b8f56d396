import Foundation
import Kinematics

/// alpha(q^2) for timelike q^2 read from a table, for the ISR samplers' acceptance test.
///
/// Why: `VacuumPolarization.alpha` takes four logarithms (three lepton loops and the hadronic
/// fit), and the mu mu and tau tau samplers evaluate it at s' = s(1 - v) for every trial;
/// that was 3% of `darksector bench generate` (0.06 us per event of 2.1).
///
/// How: Delta alpha at nodes q^2 = 2^e (1 + j/256), j = 0..255, for every octave e spanning
/// [`lower`, `upper`]; a q^2 finds its cell from the bits of its floating-point exponent and
/// mantissa (no logarithm), and is interpolated linearly. Within a cell the interpolation
/// error is at most h^2/8 |Delta alpha''| with h = q^2/256 and |Delta alpha''| about four
/// loops of (alpha/3pi)/q^4: 2e-8 (a relative 4e-8 on a cross section).
///
/// Delta alpha is not smooth everywhere: the tau loop has a square-root cusp at 4 m_tau^2
/// (its curvature is large for 2 GeV^2 below it) and the hadronic parametrisation
/// (`VacuumPolarization.hadronic`) jumps at sqrt(q^2) = 0.7, 2, 4 and 10 GeV. So the cells
/// from 4 m_tau^2 - 2 to + 0.5 GeV^2, those within 3% of the muon pair threshold (where the
/// table starts), those holding the jumps, and q^2 outside the table are computed exactly.
/// `RunningAlphaTableTests` checks the table against the exact function on a dense grid
/// (largest deviation below 3e-8).
public final class RunningAlphaTable: @unchecked Sendable {
    /// Covers every s' of the samplers at 10.58 GeV, from the muon-pair threshold up.
    public static let shared = RunningAlphaTable(lower: 4 * ParticleMass.muon * ParticleMass.muon, upper: 150)

    public static let cellsPerOctave = 256
    @usableFromInline let firstExponent: Int
    @usableFromInline let lastExponent: Int
    /// Delta alpha at the nodes, octave after octave (one extra node closing the last).
    @usableFromInline let nodes: [Double]
    /// Cells computed exactly (cusps and jumps inside them), one flag per cell.
    @usableFromInline let exactCell: [Bool]

    public init(lower: Double, upper: Double) {
        precondition(lower > 0 && upper > lower, "RunningAlphaTable: need 0 < lower < upper")
        firstExponent = Int(lower.exponent)
        lastExponent = Int(upper.exponent)
        let n = Self.cellsPerOctave
        var values: [Double] = []
        for e in firstExponent...lastExponent {
            for j in 0..<n {
                values.append(VacuumPolarization.deltaAlpha(q2: Self.node(exponent: e, index: j)))
            }
        }
        values.append(VacuumPolarization.deltaAlpha(q2: Self.node(exponent: lastExponent + 1, index: 0)))
        nodes = values
        var exact = [Bool](repeating: false, count: values.count)
        // Intervals computed exactly: around the tau pair threshold, whose square-root cusp
        // (below it) bends Delta alpha over many cells, and the hadronic fit's jumps.
        let tauThreshold = 4 * ParticleMass.tau * ParticleMass.tau
        let muonThreshold = 4 * ParticleMass.muon * ParticleMass.muon
        var intervals = [(tauThreshold - 2, tauThreshold + 0.5), (0.97 * muonThreshold, 1.03 * muonThreshold)]
        for rootQ2 in [0.7, 2.0, 4.0, 10.0] { intervals.append((rootQ2 * rootQ2, rootQ2 * rootQ2)) }
        for (a, b) in intervals where b >= lower && a <= upper {
            let first = Self.cell(max(a, lower), firstExponent: firstExponent).index
            let last = Self.cell(min(b, upper), firstExponent: firstExponent).index
            for k in (first - 1)...(last + 1) where exact.indices.contains(k) { exact[k] = true }
        }
        exactCell = exact
    }

    static func node(exponent e: Int, index j: Int) -> Double {
        Double(sign: .plus, exponent: e, significand: 1 + Double(j) / Double(cellsPerOctave))
    }

    /// The cell of q^2 (octave from the exponent bits, position from the top 8 mantissa
    /// bits) and the fraction of the way through it.
    @inlinable @inline(__always)
    static func cell(_ q2: Double, firstExponent: Int) -> (index: Int, fraction: Double) {
        let bits = q2.bitPattern
        let e = Int((bits >> 52) & 0x7FF) - 1023
        let j = Int((bits >> 44) & 0xFF)
        // The remaining 44 mantissa bits are the position within the cell.
        let fraction = Double(bits & 0xFFF_FFFF_FFFF) * 0x1p-44
        return ((e - firstExponent) * cellsPerOctave + j, fraction)
    }

    /// Delta alpha at q^2 (interpolated, or exact outside the table and in the exact cells).
    @inlinable
    public func deltaAlpha(q2: Double) -> Double {
        guard q2.isNormal, q2 > 0, Int(q2.exponent) >= firstExponent, Int(q2.exponent) <= lastExponent else {
            return VacuumPolarization.deltaAlpha(q2: q2)
        }
        let (k, f) = Self.cell(q2, firstExponent: firstExponent)
        if exactCell[k] { return VacuumPolarization.deltaAlpha(q2: q2) }
        return nodes[k] + f * (nodes[k + 1] - nodes[k])
    }

    /// alpha(q^2) = alpha(0) / (1 - Delta alpha(q^2)).
    @inlinable
    public func alpha(q2: Double) -> Double {
        PhysicalConstants.alpha / (1 - deltaAlpha(q2: q2))
    }
}
