/// The DarkSector version recorded in every file, run and unblinding, so that any result
/// can be traced to the code that made it.
public enum CodeVersion {
    public static let current = "0.1.0"
}
