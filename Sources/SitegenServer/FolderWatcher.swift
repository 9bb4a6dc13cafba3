// Notices changes in the content and templates folders by polling: every few tens of
// milliseconds it lists the folders and compares each file's modification time, change
// time, size and inode with the previous scan (portable, and an editor's save-by-rename
// shows up as a new inode). Once a change is seen, it waits for a quiet period with no
// further change, so that several saves in quick succession give one rebuild.
//
// The interval adapts: it is at least `minimumInterval`, and at least 20 times the last
// scan's duration, so that watching a large site costs no more than about 5% of a core.
// Folders reached through a link that leads outside the watched folders are not walked.
//
// A folder that cannot be listed for a passing reason (too many open files, out of memory)
// makes the whole scan void: it is retried at the next interval, and nothing is reported
// as removed meanwhile (a bogus "content folder missing" build would follow otherwise).
// Only a folder that is really gone (or no longer a folder) counts as empty.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Polls folders and reports changed paths.
struct FolderWatcher: Sendable {
    /// The folders watched, recursively.
    var folders: [String]
    /// How long no change must be seen after a change before it is reported.
    var quietPeriod: Duration = .milliseconds(20)
    var minimumInterval: Duration = .milliseconds(20)
    /// Told when a scan failed (a message) and when scanning works again (nil).
    var report: @Sendable (String?) -> Void = { _ in }

    /// What identifies a version of a file.
    struct Stamp: Equatable, Sendable {
        var modified: timespec
        var changed: timespec
        var size: Int64
        var inode: UInt64

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
                && a.size == b.size && a.inode == b.inode
        }
    }

    /// Groups of changed paths, one per quiet period; ends when the consuming task is cancelled.
    func changes() -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .bufferingNewest(1))
        let watcher = self
        let task = Task {
            let clock = ContinuousClock()
            var last: [String: Stamp]?
            var pending: Set<String> = []
            var lastChange = clock.now
            var interval = watcher.minimumInterval
            var failing = false
            while !Task.isCancelled {
                if last != nil { try? await Task.sleep(for: interval) }
                let started = clock.now
                let scanned = watcher.scanOrFailure()
                let scanTime = clock.now - started
                interval = max(watcher.minimumInterval, scanTime * 20)
                guard case .success(let current) = scanned else {
                    if case .failure(let failure) = scanned, !failing { watcher.report(failure.description) }
                    failing = true
                    // Retry no more than a few times a second.
                    try? await Task.sleep(for: max(interval, .milliseconds(250)))
                    continue
                }
                if failing { watcher.report(nil) }
                failing = false
                guard let previous = last else {
                    last = current
                    continue
                }
                let changed = Self.difference(previous, current)
                last = current
                if !changed.isEmpty {
                    pending.formUnion(changed)
                    lastChange = clock.now
                } else if !pending.isEmpty, clock.now - lastChange >= watcher.quietPeriod {
                    continuation.yield(pending.sorted())
                    pending = []
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Paths added, removed or changed between two scans.
    static func difference(_ old: [String: Stamp], _ new: [String: Stamp]) -> Set<String> {
        var changed: Set<String> = []
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    /// Why a scan was void.
    struct ScanFailure: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String {
            "warning: cannot list \(path): \(String(cString: strerror(code))); changes are picked up once it can be listed again"
        }
    }

    /// Every file under the folders, with its stamp; a folder that cannot be listed counts
    /// as empty (tests and callers that need to know use `scanOrFailure`).
    func scan() -> [String: Stamp] {
        (try? scanOrFailure().get()) ?? [:]
    }

    /// Every file under the folders, with its stamp, or why the folders could not be listed.
    func scanOrFailure() -> Result<[String: Stamp], ScanFailure> {
        let roots = folders.compactMap { ConfinedPath.real($0) }.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        var result: [String: Stamp] = [:]
        var visited: Set<String> = []
        do {
            for folder in folders {
                try walk(folder, roots: roots, visited: &visited, into: &result)
            }
        } catch {
            return .failure(error)
        }
        return .success(result)
    }

    /// The names in a folder; none when it is gone or not a folder; throws for anything else.
    static func list(_ path: String) throws(ScanFailure) -> [String] {
        guard let directory = opendir(path) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return [] }
            throw ScanFailure(path: path, code: code)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private func walk(_ path: String, roots: [String], visited: inout Set<String>,
                      into result: inout [String: Stamp]) throws(ScanFailure) {
        guard let real = ConfinedPath.real(path), roots.contains(where: { (real + "/").hasPrefix($0) }),
              visited.insert(real).inserted else { return }
        let names = try Self.list(path)
        for name in names where !name.hasPrefix(".") {
            let child = path + "/" + name
            var info = stat()
            guard stat(child, &info) == 0 else {
                // A dangling link: note that it exists, so that its target appearing counts.
                result[child] = Stamp(modified: timespec(), changed: timespec(), size: -1, inode: 0)
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try walk(child, roots: roots, visited: &visited, into: &result)
            } else {
                result[child] = Stamp(info)
            }
        }
    }
}

extension FolderWatcher.Stamp {
    init(_ info: stat) {
        #if canImport(Darwin)
        self.init(modified: info.st_mtimespec, changed: info.st_ctimespec, size: Int64(info.st_size), inode: UInt64(info.st_ino))
        #else
        self.init(modified: info.st_mtim, changed: info.st_ctim, size: Int64(info.st_size), inode: UInt64(info.st_ino))
        #endif
    }
}

/// Real paths (every link resolved).
enum ConfinedPath {
    static func real(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
