import EventModel

/// An event file is an event source; its content digest is the file's SHA-256.
extension EventFileReader: EventSource {
    public func contentSHA256() throws -> String? { try FileChecksum.sha256(path: path) }
}
