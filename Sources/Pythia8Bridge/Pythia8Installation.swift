import Foundation

/// Where `make deps` puts Pythia 8 and DarkSector's shim library (External/Pythia8/Makefile),
/// and where the Swift side looks for them at run time.
///
/// Pythia is not linked: SwiftPM would then need the library at build time, and a fresh
/// `swift build` must work without it. The library is opened with dlopen when the first
/// Pythia generator is made. `DARKSECTOR_PYTHIA8_HOME` overrides the cache directory (the
/// Makefile reads the same variable).
public struct Pythia8Installation: Sendable, Equatable {
    /// The pinned PyPI source package `pythia8mc` (keep equal to PYTHIA8_VERSION in
    /// External/Pythia8/Makefile; a test compares them).
    public static let packageVersion = "8.318.0"
    /// The source tree inside the package.
    public static let treeName = "pythia8318"

    /// The cache directory: `libdarksector_pythia8.so` in lib/, Pythia's xmldoc in src/.
    public var home: URL

    public init(home: URL) { self.home = home }

    /// `$DARKSECTOR_PYTHIA8_HOME`, else `${XDG_CACHE_HOME:-$HOME/.cache}/darksector/pythia8-<version>`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Pythia8Installation {
        if let explicit = environment["DARKSECTOR_PYTHIA8_HOME"], !explicit.isEmpty {
            return Pythia8Installation(home: URL(fileURLWithPath: explicit))
        }
        let cache: URL
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            cache = URL(fileURLWithPath: xdg)
        } else {
            let userHome = environment["HOME"].map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            cache = userHome.appendingPathComponent(".cache")
        }
        return Pythia8Installation(home: cache.appendingPathComponent("darksector/pythia8-\(packageVersion)"))
    }

    public var libraryPath: String { home.appendingPathComponent("lib/libdarksector_pythia8.so").path }
    public var xmldocPath: String {
        home.appendingPathComponent("src/\(Self.treeName)/share/Pythia8/xmldoc").path
    }

    /// Whether the library and the xmldoc directory are both there.
    public var isBuilt: Bool {
        FileManager.default.fileExists(atPath: libraryPath) && FileManager.default.fileExists(atPath: xmldocPath)
    }
}
