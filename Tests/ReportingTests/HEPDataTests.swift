import Foundation
import Testing
import Yams
@testable import Reporting

/// The HEPData writer: its output must equal the example that hepdata-validator accepted,
/// and the stored validator verdict must say valid.
@Suite(.serialized) struct HEPDataTests {
    let fixture = Fixtures.reportingDirectory().appendingPathComponent("hepdata_example")
    let verdictURL = Fixtures.reportingDirectory().appendingPathComponent("validation_output.json")

    /// Writes the example as the report does (files copied, thumbnails drawn by gnuplot).
    func writeExample(to dir: URL) throws -> [URL] {
        try HEPDataWriter.write(try HEPDataExample.submission(), to: dir, removeOld: true)
    }

    @Test func writerOutputEqualsTheValidatedExample() throws {
        if Fixtures.writing {
            try writeExample(to: fixture)
            print("wrote \(fixture.path); now run: python3 Tests/Fixtures/reporting/validate_hepdata.py "
                  + "Tests/Fixtures/reporting/hepdata_example > Tests/Fixtures/reporting/validation_output.json")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hepdata-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try writeExample(to: dir).map(\.lastPathComponent)
        let stored = try FileManager.default.contentsOfDirectory(atPath: fixture.path).sorted()
        #expect(written.sorted() == stored, "same set of files (YAML, workspace, image, thumbnail) as the validated example")
        for name in written {
            let new = try Data(contentsOf: dir.appendingPathComponent(name))
            let old = try Data(contentsOf: fixture.appendingPathComponent(name))
            if name.hasPrefix("thumb_") {
                // gnuplot's bytes may differ between versions; the picture's size may not.
                let size = try PlotThumbnail.pixelSize(of: dir.appendingPathComponent(name))
                let storedSize = try PlotThumbnail.pixelSize(of: fixture.appendingPathComponent(name))
                #expect(size.width == storedSize.width && size.height == storedSize.height && size.width <= 240 && size.height <= 179, "\(name): \(size)")
            } else {
                #expect(new == old, "\(name) differs from the validated example; if intended, regenerate with DARKSECTOR_WRITE_FIXTURES=1 and rerun validate_hepdata.py")
            }
        }
    }

    @Test func storedValidatorVerdictSaysValid() throws {
        let data = try Data(contentsOf: verdictURL)
        let verdict = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(verdict["valid"] as? Bool == true)
        #expect((verdict["validator"] as? String)?.hasPrefix("hepdata-validator") == true)
        let files = try #require(verdict["files"] as? [String: [String: Any]])
        let attachments = try #require(verdict["attachments"] as? [String: [String: Any]])
        // The verdict covers every file of the example, at the size it has now: the YAML as
        // validated documents, everything else as attachments the validator found referenced.
        let stored = try FileManager.default.contentsOfDirectory(atPath: fixture.path)
        #expect(Set(files.keys) == Set(stored.filter { $0.hasSuffix(".yaml") }))
        #expect(Set(attachments.keys) == Set(stored.filter { !$0.hasSuffix(".yaml") }))
        #expect(!attachments.isEmpty, "the validated example attaches files")
        for name in stored {
            let size = try FileManager.default.attributesOfItem(atPath: fixture.appendingPathComponent(name).path)[.size] as? Int
            let entry = files[name] ?? attachments[name]
            #expect(entry?["bytes"] as? Int == size, "\(name) changed since it was validated; rerun validate_hepdata.py")
            if name.hasSuffix(".yaml") { #expect((files[name]?["verdict"] as? String)?.hasPrefix("valid HEPData") == true) }
        }
        #expect(attachments.values.contains { $0["type"] as? String == "HistFactory" })
        #expect(attachments.values.contains { $0["description"] as? String == "Thumbnail image file" })
        let errors = verdict["errors"] as? [String: Any] ?? [:]
        #expect(errors.isEmpty)
        #expect((verdict["numbers_read_as_strings"] as? [Any])?.isEmpty == true)
    }

    /// What hepdata-validator checks of attachments, on a freshly written example: every
    /// referenced file is there, is a bare file name, and every file is referenced; images
    /// come with hepdata_lib's thumbnail entry.
    @Test func attachmentsAreWrittenAndReferencedAsHepdataLibDoes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hepdata-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: dir.appendingPathComponent("old_plot.png"))
        try writeExample(to: dir)
        let docs = try Array(Yams.load_all(yaml: String(contentsOf: dir.appendingPathComponent("submission.yaml"), encoding: .utf8)))
            .compactMap { $0 as? [String: Any] }
        var referenced: Set<String> = ["submission.yaml"]
        var resourcesByDoc: [String: [[String: Any]]] = [:]
        for doc in docs {
            if let file = doc["data_file"] as? String { referenced.insert(file) }
            let resources = doc["additional_resources"] as? [[String: Any]] ?? []
            resourcesByDoc[doc["name"] as? String ?? "submission"] = resources
            for r in resources {
                let location = try #require(r["location"] as? String)
                guard !location.hasPrefix("http") else { continue }
                #expect(!location.contains("/"))
                #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(location).path), "\(location) is referenced but missing")
                referenced.insert(location)
            }
        }
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(present == referenced, "unreferenced: \(present.subtracting(referenced)); missing: \(referenced.subtracting(present))")
        let table = try #require(resourcesByDoc["Expected limit on $g'$"])
        #expect(table.contains { $0["location"] as? String == "m_zprime_2.0.json" && $0["type"] as? String == "HistFactory" })
        #expect(table.contains { $0["location"] as? String == "expected_limit.png" && $0["description"] as? String == "Image file" })
        #expect(table.contains { $0["location"] as? String == "thumb_expected_limit.png" && $0["description"] as? String == "Thumbnail image file" })
        let thumb = try PlotThumbnail.pixelSize(of: dir.appendingPathComponent("thumb_expected_limit.png"))
        // convert -thumbnail 240x179 of a 640 x 480 image: 239 x 179.
        #expect(thumb.width == 239 && thumb.height == 179, "\(thumb)")
    }

    @Test func attachmentsThatCannotBeWrittenAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hepdata-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = HEPDataTable(name: "T", description: "d", independentVariables: [HEPDataIndependentVariable(header: HEPDataHeader(name: "x"), values: [.value(1)])],
                             dependentVariables: [HEPDataDependentVariable(header: HEPDataHeader(name: "y"), values: [HEPDataDependentValue(.number(1))])])
        var missing = t; missing.images = [URL(fileURLWithPath: "/nonexistent/plot.png")]
        #expect(throws: ReportingError.self) { try HEPDataWriter.write(HEPDataSubmission(comment: "c", tables: [missing]), to: dir) }
        var bare = t; bare.additionalResources = [HEPDataResource(location: "ws.json", description: "a file nobody copies")]
        #expect(throws: ReportingError.self) { try HEPDataWriter.render(HEPDataSubmission(comment: "c", tables: [bare])) }
        var clash = t; clash.additionalResources = [.file(HEPDataExample.inputs.appendingPathComponent("m_zprime_2.0.json"), description: "w")]
        var other = clash; other.name = "U"
        other.additionalResources = [.file(fixture.appendingPathComponent("submission.yaml"), description: "not the submission")]
        #expect(throws: ReportingError.self) { try HEPDataWriter.write(HEPDataSubmission(comment: "c", tables: [clash, other]), to: dir) }
    }

    @Test func thumbnailSizeFitsHepdataLibsBox() {
        // ImageMagick's -thumbnail 240x179 fits the whole image in the box, aspect kept.
        let report = PlotThumbnail.size(width: 900, height: 650)
        #expect(report.width == 240 && report.height == 173)
        let tall = PlotThumbnail.size(width: 600, height: 900)
        #expect(tall.width == 119 && tall.height == 179)
        let small = PlotThumbnail.size(width: 100, height: 50)
        #expect(small.width == 100 && small.height == 50, "never enlarged")
    }

    @Test func submissionHasTheHepdataLibLayout() throws {
        let files = try HEPDataWriter.render(try HEPDataExample.submission())
        #expect(files.first?.name == "submission.yaml")
        let docs = try Array(Yams.load_all(yaml: files[0].contents))
        #expect(docs.count == 6)
        let first = try #require(docs[0] as? [String: Any])
        #expect(first["comment"] is String)
        #expect(first["additional_resources"] is [Any])
        let table = try #require(docs[1] as? [String: Any])
        #expect(table["name"] as? String == "Expected limit on $g'$")
        #expect(table["data_file"] as? String == "expected_limit_on_g.yaml")
        let keywords = try #require(table["keywords"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: keywords.map { ($0["name"] as! String, $0["values"] as! [Any]) })
        #expect(byName["cmenergies"]?.first as? Double == 10.58)
        #expect(byName["reactions"]?.first as? String == "E+ E- --> MU+ MU- Z0'")
    }

    @Test func blindedLimitHasNoObservedColumnAndBandsAreSignedOffsets() throws {
        let files = try HEPDataWriter.render(try HEPDataExample.submission())
        let blinded = try #require(files.first { $0.name == "expected_limit_on_g.yaml" })
        let doc = try #require(try Yams.load(yaml: blinded.contents) as? [String: Any])
        let deps = try #require(doc["dependent_variables"] as? [[String: Any]])
        #expect(deps.count == 1)
        let header = try #require(deps[0]["header"] as? [String: Any])
        #expect((header["name"] as? String)?.hasPrefix("Expected 90% CL") == true)
        let qualifiers = try #require(deps[0]["qualifiers"] as? [[String: Any]])
        #expect(qualifiers.contains { $0["name"] as? String == "CL" && $0["value"] as? String == "90%" })
        #expect(qualifiers.contains { $0["name"] as? String == "SQRT(S)" && $0["value"] as? Double == 10.58 && $0["units"] as? String == "GeV" })
        let first = try #require((deps[0]["values"] as? [[String: Any]])?.first)
        #expect(first["value"] as? Double == 2.1e-4)
        let errors = try #require(first["errors"] as? [[String: Any]])
        let one = try #require(errors[0]["asymerror"] as? [String: Any])
        #expect(errors[0]["label"] as? String == "1 sigma")
        #expect(abs((one["plus"] as! Double) - 0.45 * 2.1e-4) < 1e-12)
        #expect(abs((one["minus"] as! Double) + 0.3 * 2.1e-4) < 1e-12)
        let observed = try #require(files.first { $0.name == "observed_limit_on_g.yaml" })
        let obsDoc = try #require(try Yams.load(yaml: observed.contents) as? [String: Any])
        #expect((obsDoc["dependent_variables"] as? [Any])?.count == 2)
    }

    @Test func numbersAreWrittenSoPyYAMLReadsThemAsFloats() {
        // YAML 1.1 (PyYAML) float: digits, a dot, optional exponent *with* sign.
        let pyyamlFloat = try! NSRegularExpression(pattern: "^[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?$")
        let pyyamlInt = try! NSRegularExpression(pattern: "^[-+]?(0|[1-9][0-9_]*)$")
        for x in [1e-5, 2.5e-7, 10.58, 0.1, 1e20, 1.5e300, -3e-9, 12345, 0, 123456.789] {
            let s = HEPDataWriter.yamlNumber(x)
            let r = NSRange(s.startIndex..., in: s)
            #expect(pyyamlFloat.firstMatch(in: s, range: r) != nil || pyyamlInt.firstMatch(in: s, range: r) != nil, "\(s)")
            #expect(Double(s) == x)
        }
    }

    @Test func numbersAreRoundedToSignificantDigits() throws {
        #expect(HEPDataRounding.round(6.300000000000001e-05, 6) == 6.3e-05)
        #expect(HEPDataRounding.round(123456789, 3) == 1.23e8)
        #expect(HEPDataRounding.round(-0.00098765, 2) == -0.00099)
        let files = try HEPDataWriter.render(try HEPDataExample.submission())
        #expect(!files.contains { $0.contents.contains("00000000") }, "no arithmetic noise in the YAML")
        let full = try HEPDataWriter.render(try HEPDataExample.submission(), significantDigits: nil)
        #expect(full.contains { $0.contents.contains("6.300000000000001e-05") })
    }

    @Test func stringsThatLookLikeNumbersStayStrings() throws {
        let table = HEPDataTable(name: "T", description: "10.58",
                                 independentVariables: [HEPDataIndependentVariable(header: HEPDataHeader(name: "yes"), values: [.text("1e5")])],
                                 dependentVariables: [HEPDataDependentVariable(header: HEPDataHeader(name: "null"), values: [HEPDataDependentValue(.string("2024-01-01"))])])
        let files = try HEPDataWriter.render(HEPDataSubmission(comment: "true", tables: [table]))
        let sub = try Array(Yams.load_all(yaml: files[0].contents))
        #expect((sub[0] as? [String: Any])?["comment"] as? String == "true")
        #expect((sub[1] as? [String: Any])?["description"] as? String == "10.58")
        #expect(files[1].contents.contains("'1e5'"))
        #expect(files[1].contents.contains("'2024-01-01'"))
        #expect(files[1].contents.contains("name: 'yes'"))
    }

    @Test func inconsistentTablesAreRejected() {
        let bad = HEPDataTable(name: String(repeating: "x", count: 65), description: "d",
                               independentVariables: [], dependentVariables: [])
        #expect(throws: ReportingError.self) { try HEPDataWriter.render(HEPDataSubmission(comment: "c", tables: [bad])) }
        let uneven = HEPDataTable(name: "u", description: "d",
                                  independentVariables: [HEPDataIndependentVariable(header: HEPDataHeader(name: "x"), values: [.value(1), .value(2)])],
                                  dependentVariables: [HEPDataDependentVariable(header: HEPDataHeader(name: "y"), values: [HEPDataDependentValue(.number(1))])])
        #expect(throws: ReportingError.self) { try HEPDataWriter.render(HEPDataSubmission(comment: "c", tables: [uneven])) }
        let nan = HEPDataTable(name: "n", description: "d",
                               independentVariables: [HEPDataIndependentVariable(header: HEPDataHeader(name: "x"), values: [.value(1)])],
                               dependentVariables: [HEPDataDependentVariable(header: HEPDataHeader(name: "y"), values: [HEPDataDependentValue(.number(.nan))])])
        #expect(throws: ReportingError.self) { try HEPDataWriter.render(HEPDataSubmission(comment: "c", tables: [nan])) }
        let a = HEPDataTable(name: "Limit (a)", description: "d", independentVariables: [], dependentVariables: [
            HEPDataDependentVariable(header: HEPDataHeader(name: "y"), values: [])])
        var b = a; b.name = "limit a"
        #expect(throws: ReportingError.self) { try HEPDataWriter.render(HEPDataSubmission(comment: "c", tables: [a, b])) }
    }
}

/// The read-back check the report runs on its record must find what hepdata-validator found
/// in Tests/Fixtures/reporting (a missing thumbnail, a stray file) and nothing in the
/// validated example.
@Suite struct HEPDataFolderCheckTests {
    @Test func validatedExampleHasNoProblemsAndADamagedCopyHas() throws {
        let fixture = Fixtures.reportingDirectory().appendingPathComponent("hepdata_example")
        #expect(try HEPDataFolderCheck.problems(in: fixture).isEmpty)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hepdata-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: fixture, to: dir)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("thumb_expected_limit.png"))
        try Data().write(to: dir.appendingPathComponent("extra.png"))
        let problems = try HEPDataFolderCheck.problems(in: dir)
        #expect(problems.contains { $0.contains("missing resource file thumb_expected_limit.png") })
        #expect(problems.contains { $0.contains("extra.png is not referenced") })
        #expect(problems.count == 2)
    }
}
