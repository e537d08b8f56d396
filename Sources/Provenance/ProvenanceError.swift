/// Errors of the provenance database, each naming the database file and what to do.
public enum ProvenanceError: Error, CustomStringConvertible {
    case cannotOpen(path: String, detail: String)
    case locked(path: String)
    case newerSchema(path: String, detail: String)
    case notFound(path: String, what: String)
    case failed(path: String, detail: String)
    /// A command that only reads a database was given a path where none exists.
    case missing(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(p, d):
            return "\(p): cannot open the provenance database (\(d)); choose another path with --db or DARKSECTOR_DB"
        case .locked(let p):
            return "\(p): the database is locked by another process; wait for it to finish, or use --db for a separate database"
        case let .newerSchema(p, d):
            return "\(p): written by a newer DarkSector (\(d)); use that version or a fresh --db"
        case let .notFound(p, w):
            return "\(p): \(w) not found"
        case let .failed(p, d):
            return "\(p): \(d)"
        case .missing(let p):
            return "no provenance database at \(p); pass the path of an existing one with --db or DARKSECTOR_DB"
        }
    }
}
