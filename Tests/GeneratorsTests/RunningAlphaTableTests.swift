import Foundation
import Testing
import Kinematics
@testable import Generators

/// The tabulated running alpha against `VacuumPolarization`'s exact formulas, on a dense
/// log-spaced grid over the whole table (with the tau threshold and the hadronic fit's
/// breakpoints inside it), and exactly at those points. The bound, 3e-8, is the linear
/// interpolation error h^2/8 |Delta alpha''| for cells of q^2/256 and four loops of
/// (alpha/3pi)/q^4, 1.9e-8, with room for rounding.
@Suite struct RunningAlphaTableTests {
    @Test func tableAgreesWithTheExactFunction() {
        let table = RunningAlphaTable.shared
        let lower = 4 * ParticleMass.muon * ParticleMass.muon, upper = 150.0
        var worst = 0.0, at = 0.0
        let n = 400_000
        for k in 0..<n {
            let q2 = lower * pow(upper / lower, (Double(k) + 0.5) / Double(n))
            let d = abs(table.deltaAlpha(q2: q2) - VacuumPolarization.deltaAlpha(q2: q2))
            if d > worst { worst = d; at = q2 }
        }
        #expect(worst < 3e-8, "largest |Delta alpha(table) - Delta alpha| = \(worst) at q2 = \(at)")
        for q2 in [4 * ParticleMass.tau * ParticleMass.tau, 0.49, 4, 16, 100, lower] {
            #expect(table.deltaAlpha(q2: q2) == VacuumPolarization.deltaAlpha(q2: q2), "q2 = \(q2)")
        }
        // Outside the table: the exact function.
        #expect(table.deltaAlpha(q2: 1000) == VacuumPolarization.deltaAlpha(q2: 1000))
        #expect(table.deltaAlpha(q2: -3) == VacuumPolarization.deltaAlpha(q2: -3))
    }
}
