import Foundation

/// A plot that can describe itself as gnuplot data files plus drawing commands.
///
/// Conforming types only say *what* to draw; `PlotWriter` adds the terminal handling (SVG,
/// then PNG with pngcairo or, failing that, libgd png), writes the files and runs gnuplot.
public protocol GnuplotPlot: Sendable {
    /// Title shown on the plot (enhanced text) and written at the top of the script.
    var title: String { get }
    var canvas: PlotCanvas { get }
    /// Data files to write next to the script, as (file name, contents).
    func dataFiles(baseName: String) throws -> [(name: String, contents: String)]
    /// The gnuplot commands that draw the plot once the terminal and output are set.
    func commands(baseName: String) -> [String]
}
