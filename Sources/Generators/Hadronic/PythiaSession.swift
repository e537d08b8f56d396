import Foundation
import Pythia8Bridge

/// One Pythia 8 generator shared by the copies of a sampler, created on first use and
/// reseeded from the caller's random stream.
///
/// Why lazily: a production builds the generators of every process it plans, also where
/// it only needs a cross section; Pythia's initialisation reads its settings database
/// (about half a second). Why reseeded: Pythia draws from its own generator, and a shard's
/// events must depend only on the shard's `RandomStream`. The first time a stream is seen,
/// one 64-bit draw from it seeds Pythia (`Random:seed`, reduced to Pythia's range); the
/// rest of the stream is used by our own sampling (Upsilon(4S) kinematics) and the detector.
///
/// `sample` is called from one thread at a time per generator (a production makes one
/// generator per shard); the lock makes concurrent use safe, though serial.
final class PythiaSession: @unchecked Sendable {
    let settings: [String]
    let installation: Pythia8Installation
    private let lock = NSLock()
    private var instance: Pythia8Instance?
    private var lastStream: ObjectIdentifier?

    init(settings: [String], installation: Pythia8Installation = .fromEnvironment()) {
        self.settings = settings
        self.installation = installation
    }

    /// Runs `body` with the generator, created if needed and reseeded when `rng` is not the
    /// stream of the previous call.
    /// A missing library or a refused setting stops the program with the error's message
    /// (`HadronicProcessCheck.requirePythia()` lets commands report it before they start).
    func with<T>(_ rng: RandomStream, _ body: (Pythia8Instance) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        let pythia: Pythia8Instance
        if let p = instance {
            pythia = p
        } else {
            do {
                pythia = try Pythia8Instance(settings: settings, installation: installation)
            } catch {
                fatalError("\(error)")
            }
            instance = pythia
        }
        let id = ObjectIdentifier(rng)
        if id != lastStream {
            pythia.reseed(rng.nextBits())
            lastStream = id
        }
        return try body(pythia)
    }
}
