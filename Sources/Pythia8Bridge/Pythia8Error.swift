/// What can go wrong between DarkSector and Pythia 8, each saying what to do.
public enum Pythia8Error: Error, CustomStringConvertible, Equatable {
    /// The shim library was not built (or not where it is looked for).
    case libraryMissing(path: String)
    /// dlopen or dlsym failed on an existing file.
    case libraryUnusable(path: String, detail: String)
    /// The library was built from another version of the C interface.
    case interfaceMismatch(path: String, found: Int32, expected: Int32)
    /// Pythia could not be constructed (settings database).
    case construction(detail: String)
    /// Pythia refused a setting string.
    case setting(String)
    /// Pythia::init() failed.
    case initialisation(settings: [String])
    /// Pythia failed to produce an event this many times in a row.
    case generation(failures: Int)

    public var description: String {
        switch self {
        case .libraryMissing(let path):
            return "Pythia 8 library not found at \(path): run `make deps` in the repository (it downloads the PyPI source package pythia8mc and builds the library there, about 10 minutes on two cores), or set DARKSECTOR_PYTHIA8_HOME to a directory where it was built"
        case .libraryUnusable(let path, let detail):
            return "Pythia 8 library \(path) cannot be loaded (\(detail)): rebuild it with `make deps`"
        case .interfaceMismatch(let path, let found, let expected):
            return "Pythia 8 library \(path) has C interface version \(found), this program needs \(expected): rebuild it with `make deps`"
        case .construction(let detail):
            return "Pythia 8 could not start: \(detail)"
        case .setting(let s):
            return "Pythia 8 refused the setting '\(s)' (misspelt key or value out of range)"
        case .initialisation(let settings):
            return "Pythia 8 initialisation failed with the settings: \(settings.joined(separator: "; "))"
        case .generation(let n):
            return "Pythia 8 failed to generate an event \(n) times in a row"
        }
    }
}
