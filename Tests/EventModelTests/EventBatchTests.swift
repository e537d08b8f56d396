import Foundation
import Kinematics
import Testing
@testable import EventModel

@Suite struct EventBatchTests {
    static func sampleEvents() -> [ReconstructedEvent] {
        [
            ReconstructedEvent(eventID: 1, weight: 0.5, trigger: [.twoTrack, .singleMuon], extraEnergy: 0.12, nPi0: 0,
                               tracks: [Track(charge: 1, momentum: ThreeVector(x: 1, y: 2, z: 3), muonID: 0.9),
                                        Track(charge: -1, momentum: ThreeVector(x: -1, y: -2, z: 0.5), muonID: 0.95)],
                               clusters: [Cluster(energy: 0.2, theta: 1.0, phi: 0.1, time: 3, trackMatched: true)],
                               particles: [Particle(pdg: 13, momentum: FourVector(e: 3.7, px: 1, py: 2, pz: 3))]),
            ReconstructedEvent(eventID: 2, weight: 1.5),
            ReconstructedEvent(eventID: 3, weight: 2, trigger: .singlePhoton,
                               clusters: [Cluster(energy: 4, theta: 1.5, phi: -1), Cluster(energy: 0.05, theta: 2.5, phi: 2)],
                               vertices: [Vertex(position: ThreeVector(x: 1, y: 0, z: 2), chi2: 0.4, track1: 0, track2: 1)]),
        ]
    }

    /// A subset of a batch is the batch made from the chosen events (built the other way,
    /// event by event), every table included; data batches without truth stay consistent.
    @Test func subsetEqualsTheBatchOfTheChosenEvents() {
        var batch = EventBatch()
        for e in Self.sampleEvents() { batch.append(e) }
        for chosen in [[0], [1], [2], [0, 2], [1, 2], [0, 1, 2], []] {
            var expected = EventBatch()
            for i in chosen { expected.append(Self.sampleEvents()[i]) }
            let subset = batch.subset(events: chosen)
            #expect(subset == expected, "events \(chosen)")
            for (k, i) in chosen.enumerated() { #expect(subset.event(at: k) == Self.sampleEvents()[i]) }
        }
        #expect(batch.subset(where: { $0 != 2 }) == batch.subset(events: [0, 2]))
    }

    @Test func appendKeepsJaggedStructure() {
        var batch = EventBatch()
        for e in Self.sampleEvents() { batch.append(e) }
        #expect(batch.count == 3)
        #expect(batch.tracks.offsets.values == [0, 2, 2, 2])
        #expect(batch.clusters.offsets.values == [0, 1, 1, 3])
        #expect(batch.vertices.offsets.values == [0, 0, 0, 1])
        #expect(batch.tracks.offsets.rows(ofEvent: 0) == 0..<2)
        #expect(batch.clusters.energy == [0.2, 4, 0.05])
        for (i, e) in Self.sampleEvents().enumerated() { #expect(batch.event(at: i) == e) }
    }

    /// The production's staging builder gives the same batch as `append`, also when a reused
    /// batch is refilled and when the builder's buffers have to grow.
    @Test func builderMatchesAppend() {
        let events = (0..<3000).flatMap { _ in Self.sampleEvents() }
        var expected = EventBatch()
        for e in events { expected.append(e) }
        let builder = EventBatchBuilder()
        var batch = EventBatch()
        for e in Self.sampleEvents() { builder.append(e) }
        builder.flush(into: &batch)
        #expect(batch.count == 3)
        for e in events { builder.append(e) }
        #expect(builder.count == events.count)
        builder.flush(into: &batch)
        #expect(builder.count == 0)
        #expect(batch == expected)
        builder.flush(into: &batch)
        #expect(batch == EventBatch())
    }

    /// `flushStoredTables` gives what `EventBatch.storedTables()` gives for the same events
    /// (the schema's types, offsets from 0), also on later flushes that refill its arrays with
    /// fewer and then more rows.
    @Test func builderStoredTablesMatchTheBatchs() {
        let builder = EventBatchBuilder()
        for n in [3000, 1, 0, 4500] {
            let events = (0..<n).flatMap { _ in Self.sampleEvents() }
            var batch = EventBatch()
            for e in events { batch.append(e); builder.append(e) }
            let (tables, weights, count) = builder.flushStoredTables()
            #expect(count == events.count)
            #expect(weights == batch.events.weight)
            #expect(tables == batch.storedTables(), "\(n) x 3 events")
            #expect(builder.count == 0)
        }
    }

    @Test func storedTablesRoundTrip() throws {
        var batch = EventBatch()
        for e in Self.sampleEvents() { batch.append(e) }
        let tables = Dictionary(uniqueKeysWithValues: batch.storedTables().map { ($0.spec.name, $0) })
        let back = try EventBatch(storedTables: tables)
        // Schema v2 stores momenta, energies, angles and positions as IEEE binary32, rounded
        // to nearest: phi = 0.1 comes back as 0.1f = 0.100000001490116119384765625 exactly,
        // 3.7 GeV as 3.7000000476837158203125; the weight (float64) is untouched.
        #expect(back.clusters.phi[0] == 0.100000001490116119384765625)
        #expect(back.particles.e[0] == 3.7000000476837158203125)
        #expect(back.events.weight == [0.5, 1.5, 2])
        var expected = batch
        func rounded(_ v: [Double]) -> [Double] { v.map { Double(Float($0)) } }
        expected.events.extraEnergy = rounded(batch.events.extraEnergy)
        expected.clusters.energy = rounded(batch.clusters.energy)
        expected.clusters.theta = rounded(batch.clusters.theta)
        expected.clusters.phi = rounded(batch.clusters.phi)
        expected.particles.e = rounded(batch.particles.e)
        #expect(back == expected)
        // Integers that fit 24 bits, like the momenta here, are exact.
        #expect(back.tracks == batch.tracks && back.vertices == batch.vertices)
        // Every schema column is present in the stored form with its declared type.
        for spec in EventSchema.tables {
            for column in spec.columns { #expect(tables[spec.name]?.columns[column.name]?.type == column.type) }
            #expect(spec.columns.allSatisfy { $0.version1Type == nil || $0.type == .float32 })
        }
    }

    @Test func schemaViolationsNameTheColumn() {
        var batch = EventBatch()
        for e in Self.sampleEvents() { batch.append(e) }
        var tables = Dictionary(uniqueKeysWithValues: batch.storedTables().map { ($0.spec.name, $0) })
        tables["tracks"]?.columns["px"] = .int32([1, 2])
        #expect(throws: EventModelError.wrongType(table: "tracks", column: "px", expected: .float64, found: .int32)) {
            try EventBatch(storedTables: tables)
        }
        tables["tracks"]?.columns["px"] = nil
        #expect(throws: EventModelError.missingColumn(table: "tracks", column: "px")) {
            try EventBatch(storedTables: tables)
        }
    }

    @Test func offsetsMustBeMonotonic() {
        #expect(throws: EventModelError.self) { try JaggedOffsets(validating: [0, 3, 2]) }
        #expect(throws: EventModelError.self) { try JaggedOffsets(validating: [1, 3]) }
        var a = try! JaggedOffsets(validating: [0, 2, 5])
        a.append(contentsOf: try! JaggedOffsets(validating: [0, 1, 1]))
        #expect(a.values == [0, 2, 5, 6, 6])
        #expect(a.slice(1..<3).values == [0, 3, 4])
    }
}
