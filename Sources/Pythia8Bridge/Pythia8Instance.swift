import CPythia8
import Foundation

/// One Pythia 8 generator (one `Pythia8::Pythia` object) behind the C shim.
///
/// Not thread-safe: use one instance per thread (a production makes one per shard). Pythia
/// draws from its own random-number generator; `Random:seed` (set through `settings`) makes
/// a run reproducible.
public final class Pythia8Instance {
    private let library: Pythia8Library
    private let handle: OpaquePointer
    public let settings: [String]
    private var buffer: [ds_pythia8_particle] = []

    /// Creates Pythia, applies the settings in order and initialises it.
    /// - Throws: `Pythia8Error` naming the library path (and `make deps`) when it is missing,
    ///   the refused setting, or the failed initialisation.
    public init(settings: [String], installation: Pythia8Installation = .fromEnvironment()) throws {
        library = try Pythia8Library.load(path: installation.libraryPath)
        var error = [CChar](repeating: 0, count: 4096)
        guard let h = library.create(installation.xmldocPath, &error, Int32(error.count)) else {
            throw Pythia8Error.construction(detail: String(cString: error))
        }
        handle = h
        self.settings = settings
        for s in settings where library.readString(handle, s) != 1 {
            library.destroy(handle)
            throw Pythia8Error.setting(s)
        }
        guard library.initialise(handle) == 1 else {
            library.destroy(handle)
            throw Pythia8Error.initialisation(settings: settings)
        }
    }

    deinit { library.destroy(handle) }

    /// Pythia's version number (8.318 for the pinned package).
    public var version: Double { library.version() }

    /// Generates the next event; Pythia's rare failures are retried (up to `maxFailures`).
    public func next(maxFailures: Int = 100) throws {
        for _ in 0..<maxFailures where library.next(handle) == 1 { return }
        throw Pythia8Error.generation(failures: maxFailures)
    }

    /// Restarts Pythia's random numbers: `seed` is reduced to Pythia's range 1 ... 900 000 000.
    public func reseed(_ seed: UInt64) {
        library.reseed(handle, Int32(seed % 900_000_000 + 1))
    }

    /// Decay-only use (settings `ProcessLevel:all = off`): replaces the event record by these
    /// particles (status 1, no mothers), which the following `next()` decays.
    public func setEvent(_ particles: [(id: Int32, px: Double, py: Double, pz: Double, e: Double, m: Double)]) {
        library.eventReset(handle)
        for p in particles { _ = library.eventAppend(handle, p.id, 1, p.px, p.py, p.pz, p.e, p.m) }
    }

    /// The current event record, entry 0 being Pythia's system line.
    public func record() -> [Pythia8Particle] {
        var out: [Pythia8Particle] = []
        forEachEntry { out.append($0) }
        return out
    }

    /// Calls `body` for each entry of the current event record (no array of results built).
    public func forEachEntry(_ body: (Pythia8Particle) -> Void) {
        let size = Int(library.eventSize(handle))
        if buffer.count < size { buffer = [ds_pythia8_particle](repeating: ds_pythia8_particle(), count: max(size, 2 * buffer.count)) }
        let n = buffer.withUnsafeMutableBufferPointer { Int(library.eventCopy(handle, $0.baseAddress, Int32($0.count))) }
        for i in 0..<min(n, buffer.count) {
            let q = buffer[i]
            body(Pythia8Particle(id: q.id, status: q.status, mother1: q.mother1, mother2: q.mother2,
                                 daughter1: q.daughter1, daughter2: q.daughter2,
                                 px: q.px, py: q.py, pz: q.pz, e: q.e, m: q.m,
                                 xMm: q.x, yMm: q.y, zMm: q.z, tMmOverC: q.t, tauMmOverC: q.tau))
        }
    }

    /// Pythia's estimate of the cross section of what it generated so far, in mb, with its
    /// statistical error (both 0 before the first event; meaningless in decay-only use).
    public var crossSectionMb: (value: Double, error: Double) { (library.sigmaGen(handle), library.sigmaErr(handle)) }
    public var acceptedEvents: Int64 { library.accepted(handle) }
    public var triedEvents: Int64 { library.tried(handle) }

    /// A property from Pythia's particle table ("m0" GeV, "tau0" mm/c, "mWidth", "charge").
    public func particleProperty(_ id: Int32, _ name: String) -> Double? {
        let v = library.particleProperty(handle, id, name)
        return v.isNaN ? nil : v
    }
}
