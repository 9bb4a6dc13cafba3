// Notices changes in the content and templates folders by polling: every few tens of
// milliseconds it lists the folders and compares each file's modification time, change
// time, size and inode with the previous scan (portable, and an editor's save-by-rename
// shows up as a new inode). Once a change is seen, it waits for a quiet period with no
// further change, so that several saves in quick succession give one rebuild.
//
// The interval adapts: it is at least `minimumInterval`, and at least 20 times the last
// scan's duration, so that watching a large site costs no more than about 5% of a core.
// Folders reached through a link that leads outside the watched folders are not walked.

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
            var last = watcher.scan()
            var pending: Set<String> = []
            var lastChange = clock.now
            var interval = watcher.minimumInterval
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let started = clock.now
                let current = watcher.scan()
                let scanTime = clock.now - started
                interval = max(watcher.minimumInterval, scanTime * 20)
                let changed = Self.difference(last, current)
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

    /// Every file under the folders, with its stamp.
    func scan() -> [String: Stamp] {
        let roots = folders.compactMap { ConfinedPath.real($0) }.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        var result: [String: Stamp] = [:]
        var visited: Set<String> = []
        for folder in folders {
            walk(folder, roots: roots, visited: &visited, into: &result)
        }
        return result
    }

    private func walk(_ path: String, roots: [String], visited: inout Set<String>, into result: inout [String: Stamp]) {
        guard let real = ConfinedPath.real(path), roots.contains(where: { (real + "/").hasPrefix($0) }),
              visited.insert(real).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let child = path + "/" + name
            var info = stat()
            guard stat(child, &info) == 0 else {
                // A dangling link: note that it exists, so that its target appearing counts.
                result[child] = Stamp(modified: timespec(), changed: timespec(), size: -1, inode: 0)
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(child, roots: roots, visited: &visited, into: &result)
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
