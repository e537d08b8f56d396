import Detector
import Generators

/// Generation and detector simulation of a shard draw from the same seeded stream.
extension RandomStream: DetectorRandom {}
