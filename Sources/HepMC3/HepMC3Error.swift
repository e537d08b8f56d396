/// What can be wrong with a HepMC3 ASCII file, always with the file and line, so that a
/// user can open the file at the right place, and with what to do about it.
public struct HepMC3Error: Error, CustomStringConvertible, Equatable {
    public var file: String
    /// 1-based line number; 0 when the problem is the file as a whole (cannot be opened).
    public var line: Int
    public var problem: String
    public var remedy: String

    public init(file: String, line: Int, problem: String, remedy: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.remedy = remedy
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(problem); \(remedy)" : "\(file): \(problem); \(remedy)"
    }
}
