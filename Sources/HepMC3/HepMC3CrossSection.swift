/// A generator's cross section as HepMC3 stores it (the `GenCrossSection` event attribute:
/// value and error in pb, then accepted and attempted events, then optionally the values of
/// further weights), converted to fb, the unit of `SampleMetadata.crossSectionFb`.
///
/// Generators write a running estimate on every event, so the value of the last event read
/// is the best one for the whole file.
public struct HepMC3CrossSection: Sendable, Equatable {
    public var valueFb: Double
    public var uncertaintyFb: Double
    /// Accepted and attempted events as the generator counted them; -1 when not given.
    public var acceptedEvents: Int64
    public var attemptedEvents: Int64

    public init(valueFb: Double, uncertaintyFb: Double, acceptedEvents: Int64 = -1, attemptedEvents: Int64 = -1) {
        self.valueFb = valueFb
        self.uncertaintyFb = uncertaintyFb
        self.acceptedEvents = acceptedEvents
        self.attemptedEvents = attemptedEvents
    }

    /// HepMC3 cross sections are in pb (HepMC3 GenCrossSection documentation).
    public static let fbPerPb = 1000.0

    /// Parses the attribute's value ("xs err nacc natt ..."); nil if it does not start with
    /// two finite numbers.
    public static func parse(_ value: Substring) -> HepMC3CrossSection? {
        let fields = value.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 2, let xs = Double(fields[0]), let err = Double(fields[1]),
              xs.isFinite, err.isFinite else { return nil }
        let accepted = fields.count > 2 ? Int64(fields[2]) ?? -1 : -1
        let attempted = fields.count > 3 ? Int64(fields[3]) ?? -1 : -1
        return HepMC3CrossSection(valueFb: xs * fbPerPb, uncertaintyFb: err * fbPerPb,
                                  acceptedEvents: accepted, attemptedEvents: attempted)
    }
}
