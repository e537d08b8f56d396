import Foundation

/// Checks that an image gnuplot wrote is whole before it is published.
///
/// gnuplot can exit 0 after a short write (disk full while writing: issue #14 found a
/// truncated SVG after a run), so a non-empty file is not enough: an SVG must end with its
/// closing `</svg>` tag and a PNG must start with the PNG signature and end with the IEND
/// chunk, which both terminals write last.
enum ImageCompleteness {
    /// The PNG file signature (RFC 2083, section 3.1).
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// A PNG's final chunk: length 0, type "IEND", CRC AE 42 60 82 (RFC 2083, section 4.1.4).
    static let pngEnd: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    /// Nil when the file at `url` is a complete image of the kind its extension says, else
    /// what is wrong with it (for the error message).
    static func problem(with url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return "it was not written" }
        guard !data.isEmpty else { return "it is empty" }
        switch url.pathExtension.lowercased() {
        case "svg":
            let tail = String(decoding: data.suffix(256), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard String(decoding: data.prefix(1024), as: UTF8.self).contains("<svg") else { return "it has no <svg> element" }
            guard tail.hasSuffix("</svg>") else { return "it is truncated (no closing </svg>; disk full?)" }
        case "png":
            guard Array(data.prefix(8)) == pngSignature else { return "it lacks the PNG signature" }
            guard Array(data.suffix(12)) == pngEnd else { return "it is truncated (no IEND chunk; disk full?)" }
        default:
            break
        }
        return nil
    }
}
