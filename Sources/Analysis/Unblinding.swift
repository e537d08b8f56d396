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
    /// failed, when it holds no control sample, when the shards about to be read (`shards`,
    /// fingerprinted afresh by the caller) are not exactly the ones the validation read, when
    /// they hold no data, or when the provenance database has no passed validation of this
    /// run with this outcome's digest (a validation.json copied from another run, or edited,
    /// has none). The `audit` closure is called before the token exists (the lead wires it to
    /// `ProvenanceDatabase.record(unblinding:)`); if it throws, there is no token.
    public static func authorise(search: any Search, validation: ValidationOutcome, recorded: [ValidationRecord],
                                 configurationHash: String, runID: String, shards: [ShardFingerprint],
                                 user: String = ProcessInfo.processInfo.userName,
                                 host: String = ProcessInfo.processInfo.hostName,
                                 codeVersion: String = CodeVersion.build,
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
        let validated = Set(validation.results.map(\.name))
        if let missing = search.requiredControlSamples.first(where: { !validated.contains($0) }) {
            throw refuse("the validation lacks the control sample '\(missing)' the search requires (\(search.requiredControlSamples.joined(separator: ", ")))")
        }
        guard validation.passed else {
            throw refuse("control-sample validation failed: \(validation.failures.joined(separator: "; "))")
        }
        guard shards.contains(where: { $0.conditions == "data" }) else {
            throw refuse("the samples hold no data shard: there is nothing to unblind")
        }
        if let difference = ShardFingerprint.firstDifference(validated: validation.shards, current: shards) {
            throw refuse("the samples differ from the validated ones: \(difference); validate these samples in a run of their own (`darksector run \(search.id) --samples DIR`)")
        }
        let digest = validation.digest
        guard recorded.contains(where: { $0.passed && $0.search == search.id && $0.runID == runID
                                         && $0.configHash == configurationHash && $0.digest == digest }) else {
            throw refuse("the provenance database has no passed validation of run \(runID) with configuration \(configurationHash.prefix(12)) and this outcome (digest \(digest.prefix(12))); run `darksector validate \(search.id) --run-id \(runID)` with the same --db")
        }
        let record = UnblindingRecord(search: search.id, runID: runID, user: user, host: host,
                                      configHash: configurationHash, codeVersion: codeVersion,
                                      shards: ShardFingerprint.json(shards), validationDigest: digest)
        try audit(record)
        return UnblindingToken(search: search.id, configurationHash: configurationHash, record: record)
    }
}
