import Foundation
import Kinematics
import EventModel

/// The fast parametrised Belle II-like detector: generator particles in, reconstructed
/// event out.
///
/// Input: the lab-frame final-state particles of one generated event (with optional
/// production vertices, one per particle, in cm), its weight and id, and a random stream.
/// Output: a `ReconstructedEvent` with tracks (smeared helix momentum, impact point, PID
/// scores, matched cluster energy), ECL clusters (from photons, charged particles and beam
/// background; `trackMatched` set for clusters matched to a found track), two-track vertices
/// for opposite-charge pairs, the fired trigger lines, the number of pi0 candidates and the
/// extra energy. The truth particles are copied into `particles` when `storeTruth` is set.
///
/// Particles it understands: e, mu, pi, K, p (charged, tracks + clusters), photons
/// (clusters), pi0 (decayed here to two photons if the generator left it undecayed).
/// Everything else (neutrinos, invisible dark-sector states, K_L, neutrons) leaves nothing.
/// Long-lived particles (K_S, Lambda, the dark scalar S) are decayed in flight by the
/// generator (Pythia, or `Generators.DecayInFlight`); their daughters arrive with their
/// production vertices.
///
/// Decays in flight (issue #19; docs/physics/detector.md, "Decays in flight"):
///  - a charged particle born outside the beam pipe (production radius at or beyond the
///    innermost material layer, 1.0 cm) is found only if it leaves enough hits
///    (`DisplacedTrackFinding`: >= 3 SVD layers or >= 3 crossed CDC superlayers), times the
///    usual pT turn-on and the conditions' radial loss; inside the beam pipe (tau and charm
///    daughters) tracks are treated as prompt, whose low-pT losses the turn-on already
///    describes. Every found track's reference point is its true production vertex shifted
///    by its measured d0 and z0, with the resolution degraded beyond the PXD and the SVD;
///  - with `photonConversions` set, photons (and the photons of undecayed pi0s, decayed
///    first) convert in the beam pipe, PXD and SVD (`PhotonConversion`); the e+ e- are
///    tracked from the conversion point like any charged particle;
///  - two-track vertices are fitted from the measured tracks (`VertexResponse`,
///    `TwoTrackVertexFit`) with their position covariance.
/// Prompt events (all production radii inside the beam pipe) and, with conversions off,
/// every event without a displaced charged particle are reconstructed exactly as before
/// these hooks, apart from the vertex table (`PromptReproducibilityTests`).
///
/// Extra energy is the sum of the energies of clusters not matched to a track and above a
/// region-dependent threshold (forward endcap / barrel / backward endcap; a gap uses its
/// endcap's threshold). It includes every photon, so an analysis that selects photon
/// candidates (mono-photon, ALP) must subtract its candidates' energies itself; this keeps
/// the detector independent of any search's candidate definition.
///
/// Speed: all condition numbers are precomputed into stored properties of the response
/// structs; per event the only heap allocations are the output arrays. Scratch buffers
/// live on the stack (`withUnsafeTemporaryAllocation`).
public struct DetectorSimulation: Sendable {
    public let conditions: DetectorConditions
    public let beams: BelleIIBeams
    public let acceptance: Acceptance
    public let tracking: TrackingResponse
    public let calorimeter: CalorimeterResponse
    public let particleID: ParticleIdentification
    public let beamBackground: BeamBackground
    public let triggers: TriggerSimulation
    public let pi0: Pi0Reconstruction
    public let vertexing: VertexResponse
    public let extraEnergyThresholdForward: Double
    public let extraEnergyThresholdBarrel: Double
    public let extraEnergyThresholdBackward: Double
    /// Copy the generator particles into the output (MC); the lead may switch it off for data.
    public var storeTruth: Bool
    /// Convert photons in the beam pipe and vertex detector (`PhotonConversion`). Off by
    /// default: the low-multiplicity samples of the existing searches keep their photons
    /// (and their random sequences); on for the hadronic (Pythia) samples and
    /// `darksector simulate` (docs/physics/detector.md).
    public var photonConversions: Bool
    /// The material and layers of the inner detector.
    public let innerDetector: InnerDetectorGeometry
    /// The same responses behind one reference, so the per-event builder copies a pointer
    /// rather than the whole struct (which holds the conditions and their source strings).
    @usableFromInline let engine: DetectorEngine

    public init(conditions: DetectorConditions, beams: BelleIIBeams = .y4S, storeTruth: Bool = true,
                photonConversions: Bool = false, innerDetector: InnerDetectorGeometry = .belleII) {
        self.conditions = conditions
        self.beams = beams
        acceptance = Acceptance(conditions.acceptance)
        tracking = TrackingResponse(conditions.tracking, vertexing: conditions.vertexing)
        calorimeter = CalorimeterResponse(conditions.calorimeter, acceptance: conditions.acceptance)
        particleID = ParticleIdentification(conditions.particleID)
        beamBackground = BeamBackground(conditions.beamBackground, acceptance: acceptance)
        triggers = TriggerSimulation(conditions.triggers, workingPoint: conditions.particleID.workingPoint,
                                     beams: beams)
        pi0 = Pi0Reconstruction(conditions.pi0)
        vertexing = VertexResponse(fieldTesla: innerDetector.fieldTesla)
        self.photonConversions = photonConversions
        self.innerDetector = innerDetector
        extraEnergyThresholdForward = conditions.extraEnergy.minClusterEnergyForwardGeV
        extraEnergyThresholdBarrel = conditions.extraEnergy.minClusterEnergyBarrelGeV
        extraEnergyThresholdBackward = conditions.extraEnergy.minClusterEnergyBackwardGeV
        self.storeTruth = storeTruth
        engine = DetectorEngine(acceptance: acceptance, tracking: tracking, calorimeter: calorimeter,
                                particleID: particleID, beamBackground: beamBackground,
                                extraEnergyThresholds: (extraEnergyThresholdForward, extraEnergyThresholdBarrel,
                                                        extraEnergyThresholdBackward),
                                klmPhotonVeto: conditions.klmPhotonVeto, innerDetector: innerDetector)
    }

    /// Electric charge of a particle the detector tracks, 0 for the rest.
    @inlinable
    public static func charge(pdg: Int32) -> Int8 {
        switch pdg {
        case 11, 13, -211, -321, -2212: return -1
        case -11, -13, 211, 321, 2212: return 1
        default: return 0
        }
    }

    /// The extra-energy threshold of a region.
    @inlinable
    public func extraEnergyThreshold(_ region: ECLRegion) -> Double {
        switch region {
        case .barrel: return extraEnergyThresholdBarrel
        case .forwardEndcap, .forwardGap: return extraEnergyThresholdForward
        case .backwardEndcap, .backwardGap: return extraEnergyThresholdBackward
        case .outside: return .infinity
        }
    }

    /// Simulates the detector response to one generated event.
    public func reconstruct<R: DetectorRandom>(particles: [Particle], weight: Double, eventID: Int64,
                                               vertices: [ThreeVector]? = nil, random: R) -> ReconstructedEvent {
        var event = ReconstructedEvent(eventID: eventID, weight: weight)
        reconstruct(particles: particles, weight: weight, eventID: eventID, vertices: vertices, random: random,
                    into: &event)
        return event
    }

    /// The same, into `event`, whose arrays keep their storage: a loop that reuses one event
    /// allocates nothing per event. Draws exactly the same random numbers and gives exactly
    /// the same event as `reconstruct(particles:weight:eventID:vertices:random:)`.
    /// Inlinable so that callers specialise it for their random stream (no protocol
    /// dispatch per random number).
    @inlinable
    public func reconstruct<R: DetectorRandom>(particles: [Particle], weight: Double, eventID: Int64,
                                               vertices: [ThreeVector]? = nil, random: R,
                                               into event: inout ReconstructedEvent) {
        precondition(vertices == nil || vertices!.count == particles.count,
                     "one production vertex per particle")
        // Photons that convert before the CDC become e+ e- pairs (only with `photonConversions`).
        let converted = photonConversions ? engine.convertPhotons(particles, vertices: vertices, random: random) : nil
        let input = converted?.particles ?? particles
        let inputVertices = converted == nil ? vertices : converted!.vertices
        // Photons too close for the ECL to separate reach it as one (`PhotonClusterMerging`);
        // the truth record keeps the generator's particles.
        let merged = engine.merging.merged(input, vertices: inputVertices, acceptance: acceptance, random: random)
        let seen = merged?.particles ?? input
        let seenVertices = merged == nil ? inputVertices : merged!.vertices
        var nCharged = 0, nNeutral = 0
        for p in seen {
            if Self.charge(pdg: p.pdg) != 0 { nCharged += 1 } else if p.pdg == 22 { nNeutral += 1 } else if p.pdg == 111 { nNeutral += 2 }
        }
        let nBackground = beamBackground.count(random: random)
        let maxClusters = nCharged + nNeutral + nBackground

        event.eventID = eventID
        event.weight = weight
        event.trigger = []
        event.extraEnergy = 0
        event.nPi0 = 0
        event.nKLMNeutral = 0
        event.tracks.removeAll(keepingCapacity: true)
        event.clusters.removeAll(keepingCapacity: true)
        event.vertices.removeAll(keepingCapacity: true)
        event.particles.removeAll(keepingCapacity: true)
        event.tracks.reserveCapacity(nCharged)
        event.clusters.reserveCapacity(maxClusters)

        withUnsafeTemporaryAllocation(of: ClusterGeometry.self, capacity: max(1, maxClusters)) { geometry in
            withUnsafeTemporaryAllocation(of: TrackTruth.self, capacity: max(1, nCharged)) { truth in
                var builder = EventBuilder(sim: engine, geometry: geometry, truth: truth)
                for (k, particle) in seen.enumerated() {
                    let vertex = seenVertices?[k] ?? .zero
                    switch particle.pdg {
                    case 22:
                        builder.photon(particle.momentum, random: random, event: &event)
                    case 111:
                        builder.neutralPion(particle.momentum, random: random, event: &event)
                    default:
                        let q = Self.charge(pdg: particle.pdg)
                        if q != 0 {
                            builder.charged(particle, charge: q, vertex: vertex, random: random, event: &event)
                        }
                    }
                }
                for _ in 0..<nBackground {
                    builder.background(random: random, event: &event)
                }
                let clusterGeometry = UnsafeMutableBufferPointer(rebasing: geometry[0..<builder.nClusters])
                event.nPi0 = pi0.count(clusterGeometry)
                event.trigger = triggers.decide(tracks: event.tracks, clusters: clusterGeometry, random: random)
                vertexing.legacyDraws(truth, count: builder.nTracks, random: random)
                vertexing.fit(tracks: event.tracks, truth: truth, count: builder.nTracks, into: &event.vertices)
                event.extraEnergy = builder.extraEnergy
                clusterGeometry.deinitialize()
                _ = UnsafeMutableBufferPointer(rebasing: truth[0..<builder.nTracks]).deinitialize()
            }
        }
        // Present clusters by decreasing energy so their order says nothing about their origin.
        // Insertion sort: a handful of clusters per event, for which the standard library's
        // sort (a closure call per comparison) cost 2% of a production.
        event.clusters.withUnsafeMutableBufferPointer { c in
            var i = 1
            while i < c.count {
                let x = c[i]
                var j = i - 1
                while j >= 0 && c[j].energy < x.energy {
                    c[j + 1] = c[j]
                    j -= 1
                }
                c[j + 1] = x
                i += 1
            }
        }
        if storeTruth {
            if let v = vertices {
                for (k, p) in particles.enumerated() {
                    event.particles.append(Particle(pdg: p.pdg, momentum: p.momentum, vertex: v[k]))
                }
            } else {
                event.particles.append(contentsOf: particles)
            }
        }
    }
}

/// The per-particle responses, shared by reference with `EventBuilder`.
@usableFromInline
final class DetectorEngine: Sendable {
    @usableFromInline let acceptance: Acceptance
    @usableFromInline let tracking: TrackingResponse
    @usableFromInline let calorimeter: CalorimeterResponse
    @usableFromInline let particleID: ParticleIdentification
    @usableFromInline let beamBackground: BeamBackground
    @usableFromInline let extraForward: Double
    @usableFromInline let extraBarrel: Double
    @usableFromInline let extraBackward: Double
    /// Probability that a photon reaching the KLM (no shower in the ECL) gives a KLM
    /// cluster, and the energy below which it never does.
    @usableFromInline let klmHitProbability: Double
    @usableFromInline let klmMinEnergy: Double
    /// Which photon pairs share one cluster (issue #18).
    @usableFromInline let merging = PhotonClusterMerging.belleII
    /// Conversions and displaced-track finding in the inner detector (issue #19).
    @usableFromInline let conversion: PhotonConversion
    @usableFromInline let finder: DisplacedTrackFinding
    /// Production radius (cm) from which a track is displaced: the innermost material layer
    /// (the beam pipe); inside it a track crosses every layer a prompt one does.
    @usableFromInline let displacedRadius: Double

    init(acceptance: Acceptance, tracking: TrackingResponse, calorimeter: CalorimeterResponse,
         particleID: ParticleIdentification, beamBackground: BeamBackground,
         extraEnergyThresholds t: (Double, Double, Double), klmPhotonVeto: DetectorConditions.KLMPhotonVeto,
         innerDetector: InnerDetectorGeometry) {
        conversion = PhotonConversion(geometry: innerDetector)
        finder = DisplacedTrackFinding(geometry: innerDetector)
        displacedRadius = innerDetector.material.map(\.radiusCm).min() ?? 0
        self.acceptance = acceptance
        self.tracking = tracking
        self.calorimeter = calorimeter
        self.particleID = particleID
        self.beamBackground = beamBackground
        (extraForward, extraBarrel, extraBackward) = t
        klmHitProbability = klmPhotonVeto.hitProbability
        klmMinEnergy = klmPhotonVeto.minEnergyGeV
    }

    @inlinable @inline(__always)
    func extraEnergyThreshold(_ region: ECLRegion) -> Double {
        switch region {
        case .barrel: return extraBarrel
        case .forwardEndcap, .forwardGap: return extraForward
        case .backwardEndcap, .backwardGap: return extraBackward
        case .outside: return .infinity
        }
    }

    /// The particles as they leave the vertex detector: each photon propagated through the
    /// material (`PhotonConversion.propagate`), a converted one replaced by its e- and e+ at
    /// the conversion point; an undecayed pi0 first decayed isotropically into its two
    /// photons (as `EventBuilder.neutralPion` would), which then propagate. Nil when nothing
    /// converted and there was no pi0 (the input is used as it is).
    @usableFromInline
    func convertPhotons<R: DetectorRandom>(_ particles: [Particle], vertices: [ThreeVector]?,
                                           random: R) -> (particles: [Particle], vertices: [ThreeVector])? {
        var out: [Particle] = []
        var outVertices: [ThreeVector] = []
        var changed = false
        out.reserveCapacity(particles.count + 4)
        outVertices.reserveCapacity(particles.count + 4)
        func propagate(_ k: FourVector, _ v: ThreeVector) {
            if let c = conversion.propagate(photon: k, vertex: v, random: random) {
                out.append(Particle(pdg: 11, momentum: c.electron, vertex: c.point))
                out.append(Particle(pdg: -11, momentum: c.positron, vertex: c.point))
                outVertices.append(c.point)
                outVertices.append(c.point)
                changed = true
            } else {
                out.append(Particle(pdg: 22, momentum: k, vertex: v))
                outVertices.append(v)
            }
        }
        for (i, p) in particles.enumerated() {
            let v = vertices?[i] ?? .zero
            switch p.pdg {
            case 22:
                propagate(p.momentum, v)
            case 111:
                let k = p.momentum
                let m = max(k.mass, 1e-9)
                let c = 2 * random.uniform() - 1
                let s = (max(0, 1 - c * c)).squareRoot()
                let phi = 2 * Double.pi * random.uniform()
                let half = m / 2
                let n = ThreeVector(x: half * s * cos(phi), y: half * s * sin(phi), z: half * c)
                let boost = LorentzBoost(restFrameOf: k)
                propagate(boost.apply(FourVector(e: half, p: n)), v)
                propagate(boost.apply(FourVector(e: half, p: -n)), v)
                changed = true
            default:
                out.append(p)
                outVertices.append(v)
            }
        }
        return changed ? (out, outVertices) : nil
    }
}

/// Per-event scratch state of `DetectorSimulation.reconstruct`.
@usableFromInline
struct EventBuilder {
    @usableFromInline let sim: DetectorEngine
    @usableFromInline let geometry: UnsafeMutableBufferPointer<ClusterGeometry>
    @usableFromInline let truth: UnsafeMutableBufferPointer<TrackTruth>
    @usableFromInline var nClusters = 0
    @usableFromInline var nTracks = 0
    @usableFromInline var extraEnergy = 0.0

    @inlinable
    init(sim: DetectorEngine, geometry: UnsafeMutableBufferPointer<ClusterGeometry>,
         truth: UnsafeMutableBufferPointer<TrackTruth>) {
        self.sim = sim
        self.geometry = geometry
        self.truth = truth
    }

    /// Appends a cluster of measured energy `e` along the unit vector (nx, ny, nz).
    ///
    /// Theta and phi come from `Arctangent` (1e-8 rad, a quarter of glibc's cost): they are
    /// stored as float32 (schema v2) and the ECL measures them to milliradians. The geometry
    /// the trigger and the pi0 finder use keeps the unit vector itself.
    @inlinable
    mutating func addCluster(energy e: Double, nx: Double, ny: Double, nz: Double, time: Double,
                             matched: Bool, region knownRegion: ECLRegion? = nil, event: inout ReconstructedEvent) {
        let region = knownRegion ?? sim.acceptance.eclRegion(cosTheta: nz)
        let theta = Arctangent.atan2((nx * nx + ny * ny).squareRoot(), nz)
        let phi = Arctangent.atan2(ny, nx)
        event.clusters.append(Cluster(energy: e, theta: theta, phi: phi, time: Float(time), trackMatched: matched))
        (geometry.baseAddress! + nClusters).initialize(
            to: ClusterGeometry(nx: nx, ny: ny, nz: nz, region: region, energy: e, trackMatched: matched))
        nClusters += 1
        if !matched && e > sim.extraEnergyThreshold(region) { extraEnergy += e }
    }

    /// Appends a cluster in the direction of `p` smeared by `sigma` (rad) in theta and phi.
    ///
    /// The smeared unit vector is n + dTheta e_theta + dPhi sin(theta) e_phi, renormalised:
    /// exact to second order in the (mrad-sized) smearing and free of trigonometric calls.
    @inlinable
    mutating func addSmearedCluster<R: DetectorRandom>(energy e: Double, direction p: ThreeVector, sigma: Double,
                                                      time: Double, matched: Bool, random: R,
                                                      event: inout ReconstructedEvent) {
        let mag = p.magnitude
        let rho = p.perp
        let ct = p.z / mag, st = rho / mag
        let cp = rho > 0 ? p.x / rho : 1, sp = rho > 0 ? p.y / rho : 0
        let dTheta = sigma * random.gaussian()
        let dPhiS = sigma * random.gaussian() * st
        var nx = st * cp + dTheta * ct * cp - dPhiS * sp
        var ny = st * sp + dTheta * ct * sp + dPhiS * cp
        var nz = ct - dTheta * st
        let norm = 1 / (nx * nx + ny * ny + nz * nz).squareRoot()
        nx *= norm; ny *= norm; nz *= norm
        addCluster(energy: e, nx: nx, ny: ny, nz: nz, time: time, matched: matched, event: &event)
    }

    /// A photon (true lab four-momentum `k`) hitting the ECL.
    ///
    /// One uniform number decides: below plateau x turn-on a cluster; between that and
    /// the plateau a shower too soft to make a cluster; above the plateau no shower in the
    /// crystals at all (the photon crossed a gap or punched through), and then the KLM
    /// behind may see it (`nKLMNeutral`, the photon veto). Beyond the ECL acceptance the
    /// photon leaves nothing (the KLM covers less).
    @inlinable
    mutating func photon<R: DetectorRandom>(_ k: FourVector, random: R, event: inout ReconstructedEvent) {
        let cal = sim.calorimeter
        let e = k.e
        guard e > 0 else { return }
        let cosTheta = k.pz / e
        let region = sim.acceptance.eclRegion(cosTheta: cosTheta)
        guard region != .outside else { return }
        let u = random.uniform()
        let plateau = cal.photonPlateau(region)
        if u >= plateau {
            if e > sim.klmMinEnergy, sim.acceptance.klm.contains(cosTheta: cosTheta),
               random.uniform() < sim.klmHitProbability {
                event.nKLMNeutral += 1
            }
            return
        }
        guard u < plateau * cal.photonTurnOn(e) else { return }
        let measured = cal.measuredPhotonEnergy(e, region: region, cosTheta: cosTheta, random: random)
        guard measured > cal.threshold else { return }
        addSmearedCluster(energy: measured, direction: k.p, sigma: cal.angleSigma(measured),
                          time: cal.timeSigma(measured) * random.gaussian(), matched: false, random: random,
                          event: &event)
    }

    /// An undecayed pi0: isotropic two-photon decay, then both photons.
    @inlinable
    mutating func neutralPion<R: DetectorRandom>(_ k: FourVector, random: R, event: inout ReconstructedEvent) {
        let m = max(k.mass, 1e-9)
        let c = 2 * random.uniform() - 1
        let s = (max(0, 1 - c * c)).squareRoot()
        let phi = 2 * Double.pi * random.uniform()
        let half = m / 2
        let n = ThreeVector(x: half * s * cos(phi), y: half * s * sin(phi), z: half * c)
        let boost = LorentzBoost(restFrameOf: k)
        let g1 = boost.apply(FourVector(e: half, p: n)), g2 = boost.apply(FourVector(e: half, p: -n))
        // An energetic pi0's photons may share one cluster (`PhotonClusterMerging`).
        if k.e > 0, sim.acceptance.eclRegion(cosTheta: k.pz / k.e) != .outside,
           sim.merging.merges(g1.p, g1.e, g2.p, g2.e, random: random) {
            photon(g1 + g2, random: random, event: &event)
            return
        }
        photon(g1, random: random, event: &event)
        photon(g2, random: random, event: &event)
    }

    /// A charged particle: track (if found), ECL deposit, PID, vertex-fit inputs.
    @inlinable
    mutating func charged<R: DetectorRandom>(_ particle: Particle, charge: Int8, vertex: ThreeVector,
                                            random: R, event: inout ReconstructedEvent) {
        let trk = sim.tracking
        let cal = sim.calorimeter
        let k = particle.momentum
        let p = k.momentum
        guard p > 0 else { return }
        let absPDG = abs(particle.pdg)
        let beta = p / k.e
        let pt = k.p.perp
        let cosTheta = k.pz / p
        let radius = vertex.perp

        var track: Track?
        var measuredP = p
        // A displaced particle must also leave enough hits (`DisplacedTrackFinding`); the test
        // comes after the random number, so prompt tracks draw exactly what they did.
        if pt > 0, sim.acceptance.cdc.contains(cosTheta: cosTheta),
           random.uniform() < trk.efficiency(pt: pt, productionRadius: radius),
           radius < sim.displacedRadius
            || sim.finder.findable(x: vertex.x, y: vertex.y, ux: k.px / pt, uy: k.py / pt, pt: pt, charge: charge) {
            let ptm = abs(pt * (1 + trk.relativePtSigma(pt: pt, beta: beta) * random.gaussian()))
            let sAngle = trk.angleSigma(p: p, beta: beta)
            let dTheta = sAngle * random.gaussian()
            let dPhi = sAngle * random.gaussian()
            let sinTheta = pt / p
            let cot = k.pz / pt - dTheta / (sinTheta * sinTheta)
            let ux = k.px / pt, uy = k.py / pt
            // Small-angle rotation by dPhi (|dPhi| ~ mrad, second order kept).
            let cd = 1 - 0.5 * dPhi * dPhi
            let mx = ux * cd - uy * dPhi, my = ux * dPhi + uy * cd
            let momentum = ThreeVector(x: ptm * mx, y: ptm * my, z: ptm * cot)
            measuredP = momentum.magnitude
            let sD0 = trk.d0Sigma(p: p, beta: beta, sinTheta: sinTheta, productionRadius: radius)
            let sZ0 = trk.z0Sigma(p: p, beta: beta, sinTheta: sinTheta, productionRadius: radius)
            let d0 = sD0 * random.gaussian()
            let z0 = sZ0 * random.gaussian()
            let impact = ThreeVector(x: vertex.x - uy * d0, y: vertex.y + ux * d0, z: vertex.z + z0)
            track = Track(charge: charge, momentum: momentum, vertex: impact)
            (truth.baseAddress! + nTracks).initialize(
                to: TrackTruth(vertex: vertex, ux: ux, uy: uy, sigmaD0: sD0, sigmaZ0: sZ0, sigmaAngle: sAngle,
                               charge: charge))
            nTracks += 1
        }

        // ECL deposit: barrel and gaps need enough pT to reach the crystals at r = 125 cm.
        var matchedEnergy = 0.0
        let region = sim.acceptance.eclRegion(cosTheta: cosTheta)
        if region != .outside, region == .forwardEndcap || region == .backwardEndcap || pt > cal.chargedMinPtBarrel {
            let deposit = cal.chargedDeposit(absPDG: absPDG, p: p, e: k.e, random: random)
            if deposit > cal.threshold {
                let matched = track != nil && random.uniform() < cal.trackMatchEfficiency
                if matched { matchedEnergy = deposit }
                addSmearedCluster(energy: deposit, direction: k.p, sigma: cal.angleSigma(deposit),
                                  time: cal.timeSigma(deposit) * random.gaussian(), matched: matched,
                                  random: random, event: &event)
            }
        }

        guard var t = track else { return }
        let pid = sim.particleID
        t.clusterEnergy = Float(matchedEnergy)
        t.muonID = pid.muonScore(absPDG: absPDG, p: p, inKLM: sim.acceptance.klm.contains(cosTheta: cosTheta),
                                 random: random)
        t.electronID = pid.electronScore(absPDG: absPDG, p: measuredP, clusterEnergy: matchedEnergy, random: random)
        t.pionID = 1 - max(t.muonID, t.electronID)
        event.tracks.append(t)
    }

    /// One beam-background cluster.
    @inlinable
    mutating func background<R: DetectorRandom>(random: R, event: inout ReconstructedEvent) {
        let cal = sim.calorimeter
        let b = sim.beamBackground.sample(random: random, timeSigma: { cal.timeSigma($0) })
        let st = (max(0, 1 - b.cosTheta * b.cosTheta)).squareRoot()
        addCluster(energy: b.energy, nx: st * b.cosPhi, ny: st * b.sinPhi, nz: b.cosTheta, time: b.time,
                   matched: false, region: b.region, event: &event)
    }
}
