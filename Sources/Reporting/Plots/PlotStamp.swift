import Foundation

/// The experiment label every published plot carries, as mplhep's `belle2.label` and Belle II
/// papers draw it: "Belle II-like simulation" (this is not Belle II data), "pseudo-data" when
/// data points are drawn, "blinded" on limit plots of a blinded run, on the left above the
/// frame; the integrated luminosity and sqrt(s) on the right.
public struct PlotStamp: Sendable, Codable, Equatable {
    /// Integrated luminosity in fb^-1; nil leaves it out (e.g. a plot of shapes only).
    public var luminosityInvFb: Double?
    /// Centre-of-mass energy in GeV.
    public var sqrtSGeV: Double
    /// Data points on the plot are pseudo-data (generated), not recorded data.
    public var pseudoData: Bool
    /// The plot shows a blinded result (expected limits only).
    public var blinded: Bool

    public static let experiment = "Belle II-like simulation"

    public init(luminosityInvFb: Double?, sqrtSGeV: Double = 10.58, pseudoData: Bool = false, blinded: Bool = false) {
        self.luminosityInvFb = luminosityInvFb
        self.sqrtSGeV = sqrtSGeV
        self.pseudoData = pseudoData
        self.blinded = blinded
    }

    /// Left label (enhanced text): "Belle II-like simulation" in bold, then the qualifiers.
    public var leftText: String {
        var qualifiers: [String] = []
        if pseudoData { qualifiers.append("pseudo-data") }
        if blinded { qualifiers.append("blinded") }
        return "{/:Bold \(Self.experiment)}" + (qualifiers.isEmpty ? "" : ", " + qualifiers.joined(separator: ", "))
    }

    /// Right label (enhanced text): "∫L dt = 9 fb^{-1}, √s = 10.58 GeV".
    public var rightText: String {
        let energy = "√{/:Italic s} = \(String(format: "%g", sqrtSGeV)) GeV"
        guard let l = luminosityInvFb, l.isFinite else { return energy }
        return "∫{/:Italic L} d{/:Italic t} = \(Self.luminosity(l)) fb^{-1}, " + energy
    }

    /// Three significant digits at most, without trailing zeros: 9, 0.5, 362, 1.23.
    static func luminosity(_ l: Double) -> String {
        String(format: "%.3g", l)
    }

    /// Font size of the stamp: smaller than the axis labels, as mplhep draws it, so both
    /// halves fit above a narrow frame (a 2D map's).
    static let fontSize = 14

    /// Label commands placing the stamp just above the plot frame (tags 901 and 902); the
    /// plot leaves room for them between its title and its frame.
    func labels() -> [String] {
        let font = "font \",\(Self.fontSize)\""
        return [
            "set label 901 \(GnuplotText.quoted(leftText)) at graph 0, graph 1 offset 0, char 0.8 left front \(font)",
            "set label 902 \(GnuplotText.quoted(rightText)) at graph 1, graph 1 offset 0, char 0.8 right front \(font)",
        ]
    }

    /// Commands for a single-panel plot: room above the frame for the stamp and the title
    /// moved up over it, then the labels.
    func commands() -> [String] {
        ["set tmargin 4.2", "set title offset 0, char 0.9"] + labels()
    }

    /// Removes the labels (before a second panel of a multiplot).
    static let unset = ["unset label 901", "unset label 902"]
}
