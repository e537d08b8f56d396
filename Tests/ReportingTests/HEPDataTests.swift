import Foundation
import Testing
import Yams
@testable import Reporting

/// The HEPData writer: its output must equal the example that hepdata-validator accepted,
/// and the stored validator verdict must say valid.
@Suite(.serialized) struct HEPDataTests {
    let fixture = Fixtures.reportingDirectory().appendingPathComponent("hepdata_example")
    let verdictURL = Fixtures.reportingDirectory().appendingPathComponent("validation_output.json")

    @Test func writerOutputEqualsTheValidatedExample() throws {
        let files = try HEPDataWriter.render(try HEPDataExample.submission())
        if Fixtures.writing {
            try? FileManager.default.removeItem(at: fixture)
            try HEPDataWriter.write(try HEPDataExample.submission(), to: fixture)
            print("wrote \(fixture.path); now run: python3 Tests/Fixtures/reporting/validate_hepdata.py "
                  + "Tests/Fixtures/reporting/hepdata_example > Tests/Fixtures/reporting/validation_output.json")
        }
        let stored = try FileManager.default.contentsOfDirectory(atPath: fixture.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(stored == files.map(\.name).sorted(), "same set of files as the validated example")
        for (name, contents) in files {
            let expected = try String(contentsOf: fixture.appendingPathComponent(name), encoding: .utf8)
            #expect(contents == expected, "\(name) differs from the validated example; if intended, regenerate with DARKSECTOR_WRITE_FIXTURES=1 and rerun validate_hepdata.py")
        }
    }

    @Test func storedValidatorVerdictSaysValid() throws {
        let data = try Data(contentsOf: verdictURL)
        let verdict = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(verdict["valid"] as? Bool == true)
        #expect((verdict["validator"] as? String)?.hasPrefix("hepdata-validator") == true)
        let files = try #require(verdict["files"] as? [String: [String: Any]])
        // The verdict covers every file of the example, at the size it has now.
        let stored = try FileManager.default.contentsOfDirectory(atPath: fixture.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.keys) == Set(stored))
        for name in stored {
            let size = try FileManager.default.attributesOfItem(atPath: fixture.appendingPathComponent(name).path)[.size] as? Int
            #expect(files[name]?["bytes"] as? Int == size, "\(name) changed since it was validated; rerun validate_hepdata.py")
            #expect((files[name]?["verdict"] as? String)?.hasPrefix("valid HEPData") == true)
        }
        let errors = verdict["errors"] as? [String: Any] ?? [:]
        #expect(errors.isEmpty)
        #expect((verdict["numbers_read_as_strings"] as? [Any])?.isEmpty == true)
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
        #expect(table["name"] as? String == "Expected limit on g'")
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
