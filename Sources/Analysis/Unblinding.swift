import Foundation
import Provenance

/// Permission to look at data in a search's signal regions, for one configuration.
///
/// Only `Unblinding.authorise` creates one (the initialiser is internal), and it does so only
/// after control-sample validation passed for the same configuration hash and the audit
/// record was written. Code outside Analysis therefore cannot unblind by accident.
public struct UnblindingToken: Sendable, Equatable {
    public let search: String
    public let configurationHash: String
    public let record: UnblindingRecord

    init(search: String, configurationHash: String, record: UnblindingRecord) {
        self.search = search
        self.configurationHash = configurationHash
        self.record = record
    }
}

/// The explicit unblinding step (`darksector run SEARCH --unblind`).
public enum Unblinding {
    /// Grants an `UnblindingToken` or throws `unblindingRefused` saying why.
    ///
    /// Refused when the validation belongs to another search or configuration, when it
    /// failed, or when it holds no control sample (an unvalidated search cannot pass). The
    /// `audit` closure is called before the token exists (the lead wires it to
    /// `ProvenanceDatabase.record(unblinding:)`); if it throws, there is no token.
    /// `recorded` are the provenance database's validation records of this search and
    /// configuration: one must have passed with this outcome's digest.
    public static func authorise(search: any Search, validation: ValidationOutcome, recorded: [ValidationRecord],
                                 configurationHash: String, runID: String, user: String = ProcessInfo.processInfo.userName,
                                 host: String = ProcessInfo.processInfo.hostName,
                                 codeVersion: String = CodeVersion.current,
                                 audit: (UnblindingRecord) throws -> Void) throws -> UnblindingToken {
        func refuse(_ why: String) -> AnalysisError { .unblindingRefused(search: search.id, reason: why) }
        guard validation.search == search.id else {
            throw refuse("the validation presented is for search '\(validation.search)'")
        }
        guard validation.configurationHash == configurationHash else {
            throw refuse("control samples were validated with configuration \(validation.configurationHash), the current configuration is \(configurationHash); run `darksector validate \(search.id)` again")
        }
        guard !validation.results.isEmpty else {
            throw refuse("no control sample was validated")
        }
        guard validation.passed else {
            throw refuse("control-sample validation failed: \(validation.failures.joined(separator: "; "))")
        }
        let digest = validation.digest
        guard recorded.contains(where: { $0.passed && $0.search == search.id && $0.configHash == configurationHash && $0.digest == digest }) else {
            throw refuse("the provenance database has no passed validation of configuration \(configurationHash) with this outcome (digest \(digest.prefix(12))); run `darksector validate \(search.id)` with the same --db")
        }
        let record = UnblindingRecord(search: search.id, runID: runID, user: user, host: host,
                                      configHash: configurationHash, codeVersion: codeVersion)
        try audit(record)
        return UnblindingToken(search: search.id, configurationHash: configurationHash, record: record)
    }
}
