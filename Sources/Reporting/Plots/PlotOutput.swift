import Foundation

/// What a plot writer leaves in the output directory: the data and the script (kept so a
/// physicist can restyle and rerun `gnuplot NAME.gp` there) and the two images.
public struct PlotOutput: Sendable, Equatable {
    public var script: URL
    public var dataFiles: [URL]
    public var svg: URL
    public var png: URL

    public init(script: URL, dataFiles: [URL], svg: URL, png: URL) {
        self.script = script
        self.dataFiles = dataFiles
        self.svg = svg
        self.png = png
    }
}
