/// Builders that turn DarkSector results into HEPData tables with the conventional layout,
/// so each search publishes its limit curves, distributions and tables the same way.
extension HEPDataTable {
    /// A limit curve as one table: x = mass, y = expected median with asymmetric errors
    /// labelled `1 sigma` and `2 sigma` (the expected bands, as signed offsets; omitted where
    /// the band has zero width), then the
    /// observed limit only when the curve has one. Each y carries `CL` and `SQRT(S)`
    /// qualifiers and the limit method.
    public init(limitCurve c: LimitCurve, name: String, description: String,
                reactions: [String], observables: [String] = ["LIMIT"],
                location: String? = nil, phrases: [String] = []) {
        let qualifiers = [HEPDataQualifier.confidenceLevel(c.confidenceLevel), .belleIISqrtS,
                          HEPDataQualifier(name: "Method", value: .string(c.method))]
        let header = { (what: String) in HEPDataHeader(name: "\(what) \(c.confidenceLevelText) CL upper limit on \(c.quantity)",
                                                       units: c.quantityUnit) }
        var expected: [HEPDataDependentValue] = []
        for i in c.massesGeV.indices {
            let median = c.expected[i]
            let oneSigma = HEPDataError.asymmetric(plus: c.expectedPlus1Sigma[i] - median,
                                                   minus: c.expectedMinus1Sigma[i] - median, label: "1 sigma")
            let twoSigma = HEPDataError.asymmetric(plus: c.expectedPlus2Sigma[i] - median,
                                                   minus: c.expectedMinus2Sigma[i] - median, label: "2 sigma")
            // A band of zero width (no expected background: every quantile gives the same
            // limit) is written without errors; HEPData rejects all-zero uncertainties.
            let bands = [c.expectedPlus1Sigma[i], c.expectedMinus1Sigma[i], c.expectedPlus2Sigma[i], c.expectedMinus2Sigma[i]]
            let errors = bands.allSatisfy { $0 == median } ? [] : [oneSigma, twoSigma]
            expected.append(HEPDataDependentValue(.number(median), errors: errors))
        }
        var dependents = [HEPDataDependentVariable(header: header("Expected"), qualifiers: qualifiers, values: expected)]
        if let observed = c.observed {
            dependents.append(HEPDataDependentVariable(header: header("Observed"), qualifiers: qualifiers,
                                                       values: observed.map { HEPDataDependentValue(.number($0)) }))
        }
        self.init(name: name, description: description, location: location,
                  keywords: Self.keywords(observables: observables, reactions: reactions, phrases: phrases),
                  independentVariables: [HEPDataIndependentVariable(
                    header: HEPDataHeader(name: c.massName, units: "GeV"),
                    values: c.massesGeV.map { .value($0) })],
                  dependentVariables: dependents)
    }

    /// Histograms sharing one binning as one table: x = bins (`low`/`high`), one y column per
    /// histogram with its sqrt(sumw2) as a symmetric error labelled `stat`.
    ///
    /// - Throws: `ReportingError.invalidData` if the histograms' bin edges differ.
    public init(histograms: [Histogram1D], name: String, description: String,
                yName: String = "Events", yUnit: String? = nil,
                reactions: [String], observables: [String] = ["N"], location: String? = nil) throws {
        guard let first = histograms.first else {
            throw ReportingError.invalidData(what: "HEPData table \"\(name)\"", reason: "no histograms given")
        }
        for h in histograms where h.binEdges != first.binEdges {
            throw ReportingError.invalidData(what: "HEPData table \"\(name)\"",
                                             reason: "histogram \"\(h.label)\" has different bin edges from \"\(first.label)\"")
        }
        let x = HEPDataIndependentVariable(
            header: HEPDataHeader(name: first.xName, units: first.unit),
            values: (0..<first.binCount).map { .bin(low: first.binEdges[$0], high: first.binEdges[$0 + 1]) })
        let ys = histograms.map { h in
            HEPDataDependentVariable(
                header: HEPDataHeader(name: "\(yName): \(h.label)", units: yUnit),
                qualifiers: [.belleIISqrtS],
                // An empty bin has no uncertainty to state: HEPData rejects all-zero errors.
                values: zip(h.values, h.uncertainties).map { HEPDataDependentValue(.number($0), errors: $1 == 0 ? [] : [.symmetric($1, label: "stat")]) })
        }
        self.init(name: name, description: description, location: location,
                  keywords: Self.keywords(observables: observables, reactions: reactions, phrases: []),
                  independentVariables: [x], dependentVariables: ys)
    }

    /// A `ResultTable` (cut flow, systematics, yields): the first column becomes the
    /// independent variable (numbers or text), every other column a dependent variable whose
    /// uncertainties become `symerror`/`asymerror`. Text in a dependent column is kept as a
    /// string value; empty cells become `'-'`.
    public init(resultTable t: ResultTable, name: String? = nil, description: String? = nil,
                reactions: [String], observables: [String] = [], location: String? = nil) throws {
        guard t.columns.count >= 2 else {
            throw ReportingError.invalidData(what: "table \"\(t.title)\"",
                                             reason: "HEPData needs at least two columns (one x, one y)")
        }
        let x = HEPDataIndependentVariable(
            header: HEPDataHeader(name: t.columns[0].name, units: t.columns[0].unit),
            values: t.rows.map { row in
                switch row[0] {
                case let .number(v, _, _): return .value(v)
                case let .text(s): return .text(s)
                case .empty: return .text("-")
                }
            })
        let ys = t.columns.indices.dropFirst().map { c in
            HEPDataDependentVariable(
                header: HEPDataHeader(name: t.columns[c].name, units: t.columns[c].unit),
                qualifiers: [.belleIISqrtS],
                values: t.rows.map { row in
                    switch row[c] {
                    case let .number(v, nil, _): return HEPDataDependentValue(.number(v))
                    // Zero uncertainties (an empty yield) are left out: HEPData rejects all-zero errors.
                    case let .number(v, .symmetric(e)?, _): return HEPDataDependentValue(.number(v), errors: e == 0 ? [] : [.symmetric(e)])
                    case let .number(v, .asymmetric(p, m)?, _):
                        return HEPDataDependentValue(.number(v), errors: p == 0 && m == 0 ? [] : [.asymmetric(plus: p, minus: -m)])
                    case let .text(s): return HEPDataDependentValue(.string(s))
                    case .empty: return HEPDataDependentValue(nil)
                    }
                })
        }
        self.init(name: name ?? t.title, description: description ?? t.caption ?? t.title, location: location,
                  keywords: Self.keywords(observables: observables, reactions: reactions, phrases: []),
                  independentVariables: [x], dependentVariables: Array(ys))
    }

    /// A 2D limit map as one table with two independent variables (x, y) and the limit;
    /// grid points without a value (`nil`) are left out, as HEPData 2D tables usually do.
    public init(limitMap m: LimitMap2D, name: String, description: String,
                reactions: [String], observables: [String] = ["LIMIT"], location: String? = nil, phrases: [String] = []) {
        var xs: [HEPDataIndependentValue] = [], ys: [HEPDataIndependentValue] = [], zs: [HEPDataDependentValue] = []
        for (iy, y) in m.y.enumerated() {
            for (ix, x) in m.x.enumerated() {
                guard let z = m.values[iy][ix] else { continue }
                xs.append(.value(x)); ys.append(.value(y)); zs.append(HEPDataDependentValue(.number(z)))
            }
        }
        let pct = m.confidenceLevel * 100
        let cl = pct == pct.rounded() ? "\(Int(pct))%" : "\(pct)%"
        self.init(name: name, description: description, location: location,
                  keywords: Self.keywords(observables: observables, reactions: reactions, phrases: phrases),
                  independentVariables: [
                    HEPDataIndependentVariable(header: HEPDataHeader(name: m.xName, units: m.xUnit), values: xs),
                    HEPDataIndependentVariable(header: HEPDataHeader(name: m.yName, units: m.yUnit), values: ys),
                  ],
                  dependentVariables: [HEPDataDependentVariable(
                    header: HEPDataHeader(name: "\(cl) CL upper limit on \(m.quantity)", units: m.quantityUnit),
                    qualifiers: [.confidenceLevel(m.confidenceLevel), .belleIISqrtS,
                                 HEPDataQualifier(name: "Method", value: .string(m.method))],
                    values: zs)])
    }

    static func keywords(observables: [String], reactions: [String], phrases: [String]) -> [HEPDataKeyword] {
        var k: [HEPDataKeyword] = []
        if !observables.isEmpty { k.append(.observables(observables)) }
        k.append(.belleIIEnergy)
        if !reactions.isEmpty { k.append(.reactions(reactions)) }
        if !phrases.isEmpty { k.append(.phrases(phrases)) }
        return k
    }
}
