import XCTest
@testable import Statistics

/// Reading and writing pyhf JSON, and the errors for unsupported or inconsistent input.
final class PyhfWorkspaceTests: XCTestCase {
    func workspace(_ json: String) throws -> PyhfWorkspace { try PyhfWorkspace.decode(Data(json.utf8)) }

    let valid = """
    {"channels": [{"name": "SR", "samples": [
        {"name": "signal", "data": [1.0, 2.0], "modifiers": [{"name": "mu", "type": "normfactor", "data": null}]},
        {"name": "bkg", "data": [10, 8.5], "modifiers": [
            {"name": "norm", "type": "normsys", "data": {"hi": 1.1, "lo": 0.9}},
            {"name": "shape", "type": "histosys", "data": {"hi_data": [11, 9], "lo_data": [9, 8]}},
            {"name": "stat", "type": "staterror", "data": [1, 1]},
            {"name": "sys", "type": "shapesys", "data": [2, 2]},
            {"name": "lumi", "type": "lumi", "data": null}]}]}],
     "observations": [{"name": "SR", "data": [12, 9]}],
     "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": [
        {"name": "lumi", "auxdata": [1.0], "sigmas": [0.02], "bounds": [[0.9, 1.1]], "inits": [1.0]},
        {"name": "mu", "bounds": [[0, 5]], "fixed": false}]}}],
     "version": "1.0.0"}
    """

    func testRoundTrip() throws {
        let original = try workspace(valid)
        XCTAssertEqual(original.channels[0].samples[1].modifiers.count, 5)
        let again = try PyhfWorkspace.decode(original.encoded())
        XCTAssertEqual(original, again)
        let model = try HistFactoryModel(workspace: again)
        XCTAssertEqual(model.parameters[model.poiIndex].bounds, 0...5)
        XCTAssertEqual(model.parameters[model.index(of: "lumi")!].constraint, .gaussian(sigma: 0.02))
    }

    func testUnsupportedModifierNamesItsPath() throws {
        let json = valid.replacingOccurrences(of: "\"type\": \"shapesys\"", with: "\"type\": \"shapefactor\"")
        XCTAssertThrowsError(try workspace(json)) { error in
            XCTAssertEqual("\(error)", "channels[0].samples[1].modifiers[3].type: unsupported modifier 'shapefactor' "
                           + "(supported: normfactor, normsys, histosys, shapesys, staterror, lumi)")
        }
    }

    func testMissingObservation() throws {
        let json = valid.replacingOccurrences(of: "\"observations\": [{\"name\": \"SR\"", with: "\"observations\": [{\"name\": \"CR\"")
        XCTAssertThrowsError(try workspace(json)) { error in
            XCTAssertTrue("\(error)".contains("missing observation for channel 'SR'"), "\(error)")
        }
    }

    func testMismatchedBins() throws {
        let json = valid.replacingOccurrences(of: "\"data\": [10, 8.5]", with: "\"data\": [10, 8.5, 3]")
        XCTAssertThrowsError(try workspace(json)) { error in
            XCTAssertTrue("\(error)".hasPrefix("channels[0].samples[1].data:"), "\(error)")
        }
        let json2 = valid.replacingOccurrences(of: "\"data\": [1, 1]", with: "\"data\": [1]")
        XCTAssertThrowsError(try workspace(json2)) { error in
            XCTAssertTrue("\(error)".hasPrefix("channels[0].samples[1].modifiers[2].data:"), "\(error)")
        }
    }

    func testWrongTypesAndBadJSON() {
        XCTAssertThrowsError(try workspace("{not json")) { XCTAssertTrue("\($0)".contains("not valid JSON")) }
        let json = valid.replacingOccurrences(of: "\"hi\": 1.1", with: "\"hi\": \"big\"")
        XCTAssertThrowsError(try workspace(json)) { error in
            XCTAssertEqual("\(error)", "channels[0].samples[1].modifiers[0].data.hi: expected a number")
        }
        let noPOI = valid.replacingOccurrences(of: "\"poi\": \"mu\"", with: "\"poi\": \"nu\"")
        XCTAssertThrowsError(try HistFactoryModel(workspace: workspace(noPOI))) { error in
            XCTAssertTrue("\(error)".contains("POI 'nu'"), "\(error)")
        }
    }

    /// A bin with observed events but no expected yield cannot be fitted: explicit error.
    func testNonConvergingFitThrows() throws {
        let json = """
        {"channels": [{"name": "SR", "samples": [
            {"name": "signal", "data": [0.0], "modifiers": [{"name": "mu", "type": "normfactor", "data": null}]},
            {"name": "bkg", "data": [0.0], "modifiers": []}]}],
         "observations": [{"name": "SR", "data": [4]}],
         "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": []}}], "version": "1.0.0"}
        """
        let model = try HistFactoryModel(workspace: workspace(json))
        XCTAssertThrowsError(try MaximumLikelihoodFit(model: model).fit(data: model.observed)) { error in
            guard case StatisticsError.fitDidNotConverge = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try AsymptoticCLs.upperLimit(model: model, cl: 0.95))
    }

    /// Every fixture workspace loads, and writing then reading gives the same workspace.
    func testFixtureWorkspacesRoundTrip() throws {
        let files = try Fixtures.files(in: "pyhf_workspaces", suffix: ".json")
        // The seven workspaces pyhf_reference.py writes; fewer means the folder was pruned.
        XCTAssertGreaterThanOrEqual(files.count, 7, "\(files.map(\.lastPathComponent))")
        for file in files {
            let ws = try PyhfWorkspace.load(contentsOf: file)
            XCTAssertEqual(try PyhfWorkspace.decode(ws.encoded()), ws, file.lastPathComponent)
        }
    }
}
