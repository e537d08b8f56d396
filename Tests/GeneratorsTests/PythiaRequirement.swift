import Foundation
import Pythia8Bridge
import XCTest

/// Whether the Pythia 8 tests can run. A developer's `swift test` without `make deps` skips
/// them with the reason; CI (`make test`, DARKSECTOR_REQUIRE_TOOLS=1) has built the library
/// in `make deps`, and there a missing library fails the tests instead of skipping them.
enum PythiaRequirement {
    static func require() throws {
        let installation = Pythia8Installation.fromEnvironment()
        if installation.isBuilt { return }
        let message = "Pythia 8 library not built at \(installation.libraryPath): run `make deps`"
        if ProcessInfo.processInfo.environment["DARKSECTOR_REQUIRE_TOOLS"] == "1" {
            XCTFail(message + " (required under DARKSECTOR_REQUIRE_TOOLS=1)")
            throw XCTSkip(message)
        }
        throw XCTSkip(message)
    }
}
