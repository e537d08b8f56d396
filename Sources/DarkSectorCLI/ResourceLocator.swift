import Foundation

/// Finds the repository's data folders (Conditions/, Searches/, ControlSamples/) whether
/// `darksector` runs from the repository root or from .build/<config>/.
enum ResourceLocator {
    static func directory(_ name: String) -> URL? {
        let fm = FileManager.default
        var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        var exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(exe)
            exe.deleteLastPathComponent()
        }
        for base in candidates {
            let url = base.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { return url }
        }
        return nil
    }
}
