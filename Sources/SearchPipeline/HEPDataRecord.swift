import Foundation
import Reporting

/// The report's HEPData record (`hepdata/`), laid out as hepdata_lib's `create_files` lays it
/// out: the tables the report built, each with its plot and thumbnail (`Table.add_image`);
/// every other plot of the report as an image of the record, so none is left out; the pyhf
/// workspaces (type `HistFactory`) and `poi.json` copied in as resources of the record
/// (`add_additional_resource(..., copy_file=True)`). The folder is emptied of anything the
/// record does not reference, which hepdata-validator would reject.
enum HEPDataRecord {
    /// The report's `<baseName>.png`, if gnuplot drew it (no image is attached otherwise).
    static func image(_ directory: URL, _ baseName: String) -> [URL] {
        let url = directory.appendingPathComponent("\(baseName).png")
        return FileManager.default.fileExists(atPath: url.path) ? [url] : []
    }

    /// Phrases of every limit table: the field's words for the result, then the search's.
    static func limitPhrases(_ ps: any SearchPackage, unblinded: Bool) -> [String] {
        ["Dark sector", "Upper limit"] + (unblinded ? [] : ["Expected limit"]) + ps.hepdataPhrases
    }

    /// Writes the record; a thumbnail that cannot be made (gnuplot without its PNG reader)
    /// costs the images, not the record, and is said in `notes`.
    static func write(_ ps: any SearchPackage, tables: [HEPDataTable], directory: URL, provenance: ProvenanceInfo,
                      luminosityInvFb: Double, unblinded: Bool, notes: inout [String]) throws {
        let fm = FileManager.default
        let attached = Set(tables.flatMap(\.images).map(\.lastPathComponent))
        let plots = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".png") && !attached.contains($0) }.sorted()
            .map { directory.appendingPathComponent($0) }
        var resources: [HEPDataResource] = []
        let pyhf = directory.appendingPathComponent("pyhf")
        for name in ((try? fm.contentsOfDirectory(atPath: pyhf.path)) ?? []).filter({ $0.hasSuffix(".json") }).sorted() {
            let url = pyhf.appendingPathComponent(name)
            if name == "poi.json" {
                resources.insert(.file(url, description: "What the POI mu of each pyhf workspace means: the cross section (fb) and the coupling at mu = 1"), at: 0)
            } else {
                let what = name.hasSuffix("_template_fit.json") ? "binned template fit" : "counting experiment"
                resources.append(.file(url, description: "pyhf workspace of the \(what) at \(name.dropLast(5).replacingOccurrences(of: "_template_fit", with: "")) (\(unblinded ? "observed data" : "blinded: background-only Asimov data"))",
                                       type: HEPDataResource.histFactoryType))
            }
        }
        let comment = "DarkSector \(ps.search.name) (\(ps.search.id)), run \(provenance.runID), code \(provenance.codeVersion): "
            + "Belle II-like simulation and pseudo-data at sqrt(s) = 10.58 GeV, \(String(format: "%g", luminosityInvFb)) fb^-1; "
            + (unblinded ? "unblinded (observed limits)." : "blinded (expected limits only).")
        let submission = HEPDataSubmission(comment: comment, additionalResources: resources, images: plots, tables: tables)
        let dir = directory.appendingPathComponent("hepdata")
        do {
            try HEPDataWriter.write(submission, to: dir, removeOld: true)
        } catch let error as ReportingError where !plots.isEmpty || tables.contains(where: { !$0.images.isEmpty }) {
            var bare = submission
            bare.images = []
            bare.tables = tables.map { var t = $0; t.images = []; return t }
            try HEPDataWriter.write(bare, to: dir, removeOld: true)
            notes.append("hepdata/: plots not attached (\(error))")
        }
        for problem in try HEPDataFolderCheck.problems(in: dir) { notes.append("hepdata/: \(problem)") }
    }
}
