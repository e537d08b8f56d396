import Foundation
@testable import Reporting

/// Whether the gnuplot tests run. gnuplot is optional for a developer's `swift test` (the
/// tests are skipped, with the reason, where it is missing), but not in CI: `make test`
/// installs it and sets DARKSECTOR_REQUIRE_TOOLS=1, and then the plot tests always run, so a
/// gnuplot that failed to install fails them instead of turning them into silent skips.
enum RequiredTools {
    static var requiredByEnvironment: Bool {
        ProcessInfo.processInfo.environment["DARKSECTOR_REQUIRE_TOOLS"] == "1"
    }

    static let runGnuplotTests = GnuplotRunner().isAvailable || requiredByEnvironment
}
