import Foundation
import Testing
import Kinematics

/// `Arctangent` against the C library's double-precision atan2 and acos (correctly rounded
/// to within an ulp): the detector stores these angles as float32, whose spacing near pi
/// is 2.4e-7 rad, so the bound asserted is 2e-8 rad, ten times tighter.
@Suite struct ArctangentTests {
    @Test func atan2MatchesTheCLibraryOnADenseGridOfDirections() {
        var worst = 0.0
        // Directions all round the circle, and radii from 1e-3 to 1e3.
        for k in 0..<200_000 {
            let angle = -Double.pi + 2 * Double.pi * (Double(k) + 0.37) / 200_000
            let r = pow(10, Double(k % 7) - 3)
            let x = r * cos(angle), y = r * sin(angle)
            worst = max(worst, abs(Arctangent.atan2(y, x) - Foundation.atan2(y, x)))
        }
        #expect(worst < 2e-8, "largest deviation \(worst) rad")
    }

    @Test func axesAndQuadrants() {
        #expect(Arctangent.atan2(0, 1) == 0)
        #expect(abs(Arctangent.atan2(1, 0) - Double.pi / 2) < 1e-15)
        #expect(abs(Arctangent.atan2(-1, 0) + Double.pi / 2) < 1e-15)
        #expect(abs(Arctangent.atan2(0, -1) - Double.pi) < 1e-15)
        #expect(abs(Arctangent.atan2(1, 1) - Double.pi / 4) < 2e-9)
        #expect(abs(Arctangent.atan2(-1, -1) + 3 * Double.pi / 4) < 2e-9)
        #expect(abs(Arctangent.atan2(-2, 1) - Foundation.atan2(-2, 1)) < 2e-9)
        #expect(Arctangent.atan2(0, 0) == 0)
    }

    @Test func acosMatchesTheCLibrary() {
        var worst = 0.0
        for k in 0...100_000 {
            let c = -1 + 2 * Double(k) / 100_000
            worst = max(worst, abs(Arctangent.acos(c) - Foundation.acos(c)))
        }
        #expect(worst < 2e-8, "largest deviation \(worst) rad")
        #expect(Arctangent.acos(1) == 0)
        #expect(abs(Arctangent.acos(-1) - Double.pi) < 1e-15)
    }
}
