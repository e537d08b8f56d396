/// The searches this build knows, looked up by id.
///
/// Analysis cannot name the search modules (they depend on it, not the other way round), so
/// the one-line registration lives in the executable, e.g. in `darksector`:
///
///     extension SearchRegistry {
///         static let standard = try! SearchRegistry([ZPrimeInvisible(), MonoPhoton(), ...])
///     }
///
/// Adding a sixth search is its folder under Searches/ plus one entry in that list.
public struct SearchRegistry: Sendable {
    public let searches: [any Search]

    /// Throws `duplicateSearch` when two searches share an id.
    public init(_ searches: [any Search]) throws {
        var seen = Set<String>()
        for s in searches where !seen.insert(s.id).inserted {
            throw AnalysisError.duplicateSearch(id: s.id)
        }
        self.searches = searches
    }

    public var ids: [String] { searches.map(\.id) }

    /// The search with this id; `unknownSearch` lists the known ids otherwise.
    public func search(id: String) throws -> any Search {
        guard let s = searches.first(where: { $0.id == id }) else {
            throw AnalysisError.unknownSearch(id: id, known: ids)
        }
        return s
    }
}
