import Foundation

/// Locates `Tests/Fixtures/reporting` for tests.
///
/// `#filePath` is the path the file was compiled from, which is a symlinked development
/// package in some set-ups; so walk up to a directory that has both `Package.swift` and
/// `Tests/Fixtures`, and fall back to the main checkout.
enum Fixtures {
    static func reportingDirectory(filePath: String = #filePath) -> URL {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        let fm = FileManager.default
        while dir.path != "/" {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: dir.appendingPathComponent("Tests/Fixtures").path) {
                return dir.appendingPathComponent("Tests/Fixtures/reporting")
            }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "/work/main/Tests/Fixtures/reporting")
    }

    /// True when tests should (re)write their fixtures instead of comparing to them.
    static var writing: Bool { ProcessInfo.processInfo.environment["DARKSECTOR_WRITE_FIXTURES"] == "1" }
}

/// A fresh temporary directory for one test.
func temporaryDirectory(_ name: String = #function) throws -> URL {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("ReportingTests-\(safe)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A minimal RFC 4180 reader written independently of the renderer: fields separated by
/// commas, records by CRLF (or LF), quoted fields may contain commas, CR/LF and doubled quotes.
func parseRFC4180(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    let chars = Array(text.unicodeScalars)
    var i = 0
    func endField() { record.append(field); field = "" }
    func endRecord() { endField(); records.append(record); record = [] }
    while i < chars.count {
        let c = chars[i]
        if inQuotes {
            if c == "\"" {
                if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else {
            switch c {
            case "\"": inQuotes = true
            case ",": endField()
            case "\r":
                if i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                endRecord()
            case "\n": endRecord()
            default: field.unicodeScalars.append(c)
            }
        }
        i += 1
    }
    if !field.isEmpty || !record.isEmpty { endRecord() }
    return records
}
