import Foundation

/// A small copy of a PNG for HEPData's record page, as hepdata_lib's `Table.add_image` makes
/// it (`thumb_<name>.png`, ImageMagick's `convert -thumbnail 240x179`: the whole image scaled
/// to fit inside 240 x 179 pixels, aspect ratio kept).
///
/// We have no image library, so gnuplot (already needed for the plots) does the scaling: it
/// reads the PNG as an RGB image (`binary filetype=png`, gnuplot's libgd reader) and draws
/// it edge to edge on a canvas of the thumbnail's size.
public enum PlotThumbnail {
    /// hepdata_lib's thumbnail box.
    public static let maxWidth = 240, maxHeight = 179

    /// Width and height of a PNG from its IHDR chunk (RFC 2083, 4.1.1: bytes 16-23, big-endian).
    public static func pixelSize(of png: URL) throws -> (width: Int, height: Int) {
        guard let data = FileManager.default.contents(atPath: png.path), data.count >= 24,
              Array(data.prefix(8)) == ImageCompleteness.pngSignature,
              String(decoding: data[12..<16], as: UTF8.self) == "IHDR" else {
            throw ReportingError.invalidData(what: "image \(png.path)", reason: "it is not a PNG file (no PNG signature and IHDR chunk)")
        }
        func be32(_ at: Int) -> Int { data[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    /// The thumbnail size: the image scaled down (never up) to fit the box, at least 1 pixel.
    public static func size(width: Int, height: Int) -> (width: Int, height: Int) {
        let scale = min(1, Double(maxWidth) / Double(width), Double(maxHeight) / Double(height))
        return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
    }

    /// Writes the thumbnail of `png` to `thumbnail`, published only when whole.
    public static func make(from png: URL, to thumbnail: URL, runner: GnuplotRunner = GnuplotRunner()) throws {
        let (w, h) = try pixelSize(of: png)
        let t = size(width: w, height: h)
        let fm = FileManager.default
        let stage = thumbnail.deletingLastPathComponent().appendingPathComponent(".\(thumbnail.lastPathComponent).\(UUID().uuidString)")
        try fm.createDirectory(at: stage, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: stage) }
        try fm.copyItem(at: png, to: stage.appendingPathComponent("source.png"))
        let script = [
            "if (strstrt(GPVAL_TERMINALS, \"pngcairo\") > 0) {",
            "  set terminal pngcairo size \(t.width),\(t.height) background rgb \"white\"",
            "} else {",
            "  set terminal png size \(t.width),\(t.height) background rgb \"white\"",
            "}",
            "set output \"thumb.png\"",
            "set margins 0, 0, 0, 0",
            "unset border", "unset tics", "unset key",
            // Pixel centres run from 0 to w-1: the half-pixel borders put the image edge to edge.
            "set xrange [-0.5:\(w) - 0.5]", "set yrange [-0.5:\(h) - 0.5]",
            "plot \"source.png\" binary filetype=png with rgbimage",
            "unset output", "",
        ].joined(separator: "\n")
        let scriptURL = stage.appendingPathComponent("thumb.gp")
        try AtomicFile.write(script, to: scriptURL)
        try runner.run(script: scriptURL, in: stage, output: thumbnail)
        let staged = stage.appendingPathComponent("thumb.png")
        if let problem = ImageCompleteness.problem(with: staged) {
            throw ReportingError.plotOutputIncomplete(output: thumbnail.path, script: "(thumbnail of \(png.path))", reason: problem)
        }
        try AtomicFile.flush(staged, destination: thumbnail)
        if rename(staged.path, thumbnail.path) != 0 {
            throw ReportingError.writeFailed(path: thumbnail.path, reason: String(cString: strerror(errno)))
        }
    }
}
