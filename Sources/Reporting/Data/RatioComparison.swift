/// Data versus MC in one distribution: the ratio with its errors, pulls and a chi2.
///
/// Conventions (the usual Belle II control-plot ones, stated because they differ between
/// groups): `ratio = data / MC`; `ratioUncertainty` carries the *data* statistical error only
/// (sigma_data / MC), while the MC uncertainty is kept separately as a relative band
/// (`mcRelativeUncertainty = sigma_MC / MC`) drawn around 1. Pulls and chi2 use both:
/// `pull = (data - MC) / sqrt(sigma_data^2 + sigma_MC^2)`, `chi2 = sum pull^2` over bins with
/// non-zero combined variance, `ndf = that number of bins - fittedParameters`.
public struct RatioComparison: Sendable, Codable, Equatable {
    public var data: Histogram1D
    public var mc: Histogram1D
    /// data/MC per bin; nil where MC is zero.
    public var ratio: [Double?]
    public var ratioUncertainty: [Double?]
    public var mcRelativeUncertainty: [Double?]
    /// nil where the combined variance is zero.
    public var pulls: [Double?]
    public var chi2: Double
    public var ndf: Int

    /// - Parameter fittedParameters: parameters adjusted on these data (e.g. 1 if MC was
    ///   normalised to the data), subtracted from ndf.
    /// - Throws: `ReportingError.invalidData` if binnings differ.
    public init(data: Histogram1D, mc: Histogram1D, fittedParameters: Int = 0) throws {
        guard data.binEdges == mc.binEdges else {
            throw ReportingError.invalidData(what: "data/MC comparison of \"\(data.label)\" and \"\(mc.label)\"",
                                             reason: "the two histograms have different bin edges")
        }
        var ratio: [Double?] = [], ratioUnc: [Double?] = [], mcRel: [Double?] = [], pulls: [Double?] = []
        var chi2 = 0.0, used = 0
        for i in 0..<data.binCount {
            let d = data.values[i], m = mc.values[i]
            let vd = data.sumw2[i], vm = mc.sumw2[i]
            if m != 0 {
                ratio.append(d / m)
                ratioUnc.append(vd.squareRoot() / abs(m))
                mcRel.append(vm.squareRoot() / abs(m))
            } else {
                ratio.append(nil); ratioUnc.append(nil); mcRel.append(nil)
            }
            let v = vd + vm
            if v > 0 {
                let p = (d - m) / v.squareRoot()
                pulls.append(p)
                chi2 += p * p
                used += 1
            } else {
                pulls.append(nil)
            }
        }
        self.data = data
        self.mc = mc
        self.ratio = ratio
        self.ratioUncertainty = ratioUnc
        self.mcRelativeUncertainty = mcRel
        self.pulls = pulls
        self.chi2 = chi2
        self.ndf = max(0, used - fittedParameters)
    }

    /// chi2/ndf, or nil when ndf is zero.
    public var chi2PerNdf: Double? { ndf > 0 ? chi2 / Double(ndf) : nil }
}
