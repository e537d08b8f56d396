import Foundation
import Testing
@testable import Reporting

/// Histograms, ratios and limit curves against hand-computed numbers.
@Suite struct DataTypeTests {
    @Test func ratioPullsAndChi2MatchHandCalculation() throws {
        let edges = [0.0, 1.0, 2.0, 3.0]
        let data = try Histogram1D(binEdges: edges, values: [16, 9, 0], label: "Data")
        let mc = try Histogram1D(binEdges: edges, values: [12, 9, 0], sumw2: [9, 0, 0], label: "MC")
        let r = try RatioComparison(data: data, mc: mc)
        // Bin 1: ratio 16/12, data error 4/12, MC rel. error 3/12, pull (16-12)/sqrt(16+9) = 0.8.
        #expect(abs(r.ratio[0]! - 4.0 / 3.0) < 1e-15)
        #expect(abs(r.ratioUncertainty[0]! - 1.0 / 3.0) < 1e-15)
        #expect(abs(r.mcRelativeUncertainty[0]! - 0.25) < 1e-15)
        #expect(abs(r.pulls[0]! - 0.8) < 1e-15)
        // Bin 2: pull 0 with variance 9; bin 3: MC = 0 and variance 0 -> excluded.
        #expect(r.pulls[1] == 0)
        #expect(r.ratio[2] == nil && r.pulls[2] == nil)
        #expect(abs(r.chi2 - 0.64) < 1e-12)
        #expect(r.ndf == 2)
        #expect(try RatioComparison(data: data, mc: mc, fittedParameters: 1).ndf == 1)
    }

    @Test func histogramValidatesItsShape() throws {
        #expect(throws: ReportingError.self) { try Histogram1D(binEdges: [0, 1], values: [1, 2], label: "h") }
        #expect(throws: ReportingError.self) { try Histogram1D(binEdges: [0, 2, 1], values: [1, 2], label: "h") }
        #expect(throws: ReportingError.self) { try Histogram1D(binEdges: [0, 1, 2], values: [1, .nan], label: "h") }
        let h = try Histogram1D(binEdges: [0, 1, 3], values: [4, 9], label: "h")
        #expect(h.uncertainties == [2, 3])
        #expect(h.binCentres == [0.5, 2])
        let sum = try h.adding(h)
        #expect(sum.values == [8, 18] && sum.sumw2 == [8, 18])
        let other = try Histogram1D(binEdges: [0, 1, 2], values: [1, 1], label: "o")
        #expect(throws: ReportingError.self) { try h.adding(other) }
    }

    @Test func limitCurveRejectsMismatchedArraysAndBadCL() {
        #expect(throws: ReportingError.self) {
            try LimitCurve(massesGeV: [1, 2], expected: [1], expectedMinus1Sigma: [1, 1], expectedPlus1Sigma: [1, 1],
                           expectedMinus2Sigma: [1, 1], expectedPlus2Sigma: [1, 1], quantity: "g'", confidenceLevel: 0.9, method: "m")
        }
        #expect(throws: ReportingError.self) {
            try LimitCurve(massesGeV: [1], expected: [1], expectedMinus1Sigma: [1], expectedPlus1Sigma: [1],
                           expectedMinus2Sigma: [1], expectedPlus2Sigma: [1], quantity: "g'", confidenceLevel: 90, method: "m")
        }
        #expect(throws: ReportingError.self) {
            try LimitCurve(massesGeV: [1], expected: [.infinity], expectedMinus1Sigma: [1], expectedPlus1Sigma: [1],
                           expectedMinus2Sigma: [1], expectedPlus2Sigma: [1], quantity: "g'", confidenceLevel: 0.9, method: "m")
        }
    }

    @Test func limitMapChecksGridShape() {
        #expect(throws: ReportingError.self) {
            try LimitMap2D(x: [1, 2], y: [1], values: [[1]], xName: "x", yName: "y", quantity: "q", confidenceLevel: 0.9, method: "m")
        }
    }

    @Test func typesRoundTripThroughJSON() throws {
        let table = try ResultTable(title: "t", columns: ["a", ColumnHeader("b", unit: "GeV")],
                                    rows: [[.text("x"), .number(1.5, uncertainty: .asymmetric(plus: 0.1, minus: 0.2), format: .fixed(2))]])
        let decoded = try JSONDecoder().decode(ResultTable.self, from: JSONEncoder().encode(table))
        #expect(decoded == table)
        let curve = try PlotTests.zPrimeCurve(observed: false)
        #expect(try JSONDecoder().decode(LimitCurve.self, from: JSONEncoder().encode(curve)) == curve)
    }
}
