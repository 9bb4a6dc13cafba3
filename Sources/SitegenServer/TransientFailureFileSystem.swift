// The preview's file system, watched for failures that say nothing about the site: the
// process is out of file descriptors (EMFILE, ENFILE) or memory (ENOMEM). A build that met
// one is not the author's fault and would show a bogus error (a "missing" content folder),
// so the rebuild loop asks `tookTransientFailure()` after a failed build and tries again
// instead of publishing it.

import Foundation
import NIOConcurrencyHelpers
import Sitegen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file system that remembers whether a call failed for lack of resources.
struct TransientFailureFileSystem: FileSystem {
    let base: any FileSystem
    private let failure = NIOLockedValueBox<String?>(nil)

    init(_ base: any FileSystem) {
        self.base = base
    }

    func contents(of path: String) throws -> Data {
        do { return try base.contents(of: path) } catch { record(error); throw error }
    }

    func files(under directory: String) throws -> [String] {
        do { return try base.files(under: directory) } catch { record(error); throw error }
    }

    func exists(_ path: String) -> Bool { base.exists(path) }

    func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }

    func stamp(of path: String) -> FileStamp? { base.stamp(of: path) }

    /// The reason of the transient failure seen since the last call (`too many open files`),
    /// if any; clears it.
    func tookTransientFailure() -> String? {
        failure.withLockedValue { value in
            defer { value = nil }
            return value
        }
    }

    private func record(_ error: Error) {
        guard let code = Self.transientCode(of: error) else { return }
        let reason = String(cString: strerror(code)).lowercased()
        failure.withLockedValue { $0 = $0 ?? reason }
    }

    /// The POSIX code of `error` (or of an error under it) when it is one of lacking
    /// resources; when the error carries no code, whether the process cannot open a file now.
    static func transientCode(of error: Error) -> Int32? {
        let transient: Set<Int32> = [EMFILE, ENFILE, ENOMEM]
        var current: NSError? = error as NSError
        var sawCode = false
        while let ns = current {
            if ns.domain == NSPOSIXErrorDomain {
                sawCode = true
                if transient.contains(Int32(ns.code)) { return Int32(ns.code) }
            }
            current = ns.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        if error is FileSystemError || sawCode { return nil }
        // Foundation's error said nothing precise: try to open a file.
        let probe = open("/dev/null", O_RDONLY)
        if probe >= 0 {
            close(probe)
            return nil
        }
        return transient.contains(errno) ? errno : nil
    }
}
