import ArgumentParser
import Foundation

/// Prints exactly one JSON object on stdout (the `--json` contract): sorted keys, so that
/// output is stable and diffable, and snake_case keys in every command (`value_fb`, not
/// `valueFb`; the stage files of a run, limits.json and friends, keep their own documented
/// camelCase structure).
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Runs a command's body; with `json`, an error becomes one object `{"error": "..."}` on
    /// stdout (the `--json` contract holds for failures too, so a script never has to parse
    /// stderr), the same one-line message goes to stderr for a human, and the exit code is 1.
    /// Without `json` the error propagates unchanged (ArgumentParser prints "Error: ...").
    /// Any command with a `--json` flag can adopt it: `try JSONOutput.reportingErrors(json: json) { ... }`.
    static func reportingErrors(json: Bool, _ body: () throws -> Void) throws {
        guard json else { return try body() }
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let message = String(describing: error).replacingOccurrences(of: "\n", with: " ")
            try? print(["error": message])
            FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
            throw ExitCode.failure
        }
    }
}
