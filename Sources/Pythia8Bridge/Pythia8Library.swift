import CPythia8
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shim's functions, resolved once from `libdarksector_pythia8.so` with dlopen/dlsym.
///
/// The handle is never closed: Pythia objects may live until the process ends, and
/// unloading C++ code with static destructors is not worth the risk.
final class Pythia8Library: @unchecked Sendable {
    typealias Handle = OpaquePointer
    let path: String
    let create: @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<CChar>?, Int32) -> Handle?
    let destroy: @convention(c) (Handle?) -> Void
    let readString: @convention(c) (Handle?, UnsafePointer<CChar>?) -> Int32
    let initialise: @convention(c) (Handle?) -> Int32
    let next: @convention(c) (Handle?) -> Int32
    let reseed: @convention(c) (Handle?, Int32) -> Void
    let eventReset: @convention(c) (Handle?) -> Void
    let eventAppend: @convention(c) (Handle?, Int32, Int32, Double, Double, Double, Double, Double) -> Int32
    let eventSize: @convention(c) (Handle?) -> Int32
    let eventCopy: @convention(c) (Handle?, UnsafeMutablePointer<ds_pythia8_particle>?, Int32) -> Int32
    let sigmaGen: @convention(c) (Handle?) -> Double
    let sigmaErr: @convention(c) (Handle?) -> Double
    let accepted: @convention(c) (Handle?) -> Int64
    let tried: @convention(c) (Handle?) -> Int64
    let particleProperty: @convention(c) (Handle?, Int32, UnsafePointer<CChar>?) -> Double
    let version: @convention(c) () -> Double

    private init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw Pythia8Error.libraryMissing(path: path) }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw Pythia8Error.libraryUnusable(path: path, detail: String(cString: dlerror()))
        }
        func symbol<T>(_ name: String, _: T.Type) throws -> T {
            guard let s = dlsym(handle, name) else {
                throw Pythia8Error.libraryUnusable(path: path, detail: "no symbol \(name)")
            }
            return unsafeBitCast(s, to: T.self)
        }
        let apiVersion = try symbol("ds_pythia8_api_version", (@convention(c) () -> Int32).self)()
        guard apiVersion == DS_PYTHIA8_API_VERSION else {
            throw Pythia8Error.interfaceMismatch(path: path, found: apiVersion, expected: DS_PYTHIA8_API_VERSION)
        }
        self.path = path
        create = try symbol("ds_pythia8_create", type(of: create))
        destroy = try symbol("ds_pythia8_destroy", type(of: destroy))
        readString = try symbol("ds_pythia8_read_string", type(of: readString))
        initialise = try symbol("ds_pythia8_init", type(of: initialise))
        next = try symbol("ds_pythia8_next", type(of: next))
        reseed = try symbol("ds_pythia8_reseed", type(of: reseed))
        eventReset = try symbol("ds_pythia8_event_reset", type(of: eventReset))
        eventAppend = try symbol("ds_pythia8_event_append", type(of: eventAppend))
        eventSize = try symbol("ds_pythia8_event_size", type(of: eventSize))
        eventCopy = try symbol("ds_pythia8_event_copy", type(of: eventCopy))
        sigmaGen = try symbol("ds_pythia8_sigma_gen_mb", type(of: sigmaGen))
        sigmaErr = try symbol("ds_pythia8_sigma_err_mb", type(of: sigmaErr))
        accepted = try symbol("ds_pythia8_accepted", type(of: accepted))
        tried = try symbol("ds_pythia8_tried", type(of: tried))
        particleProperty = try symbol("ds_pythia8_particle_property", type(of: particleProperty))
        version = try symbol("ds_pythia8_version", type(of: version))
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: Pythia8Library] = [:]

    /// The library at `path`, loaded once per process.
    static func load(path: String) throws -> Pythia8Library {
        lock.lock()
        defer { lock.unlock() }
        if let l = loaded[path] { return l }
        let l = try Pythia8Library(path: path)
        loaded[path] = l
        return l
    }
}
