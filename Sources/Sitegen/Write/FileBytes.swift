// Plain POSIX reads and writes of whole files for the writer. `Data.write(to:)` flushes every
// file to the disk (`fsync`), which for a site of thousands of files is most of the time the
// build spends writing. The writer does not need it: it writes into a staging folder and swaps
// that in with one rename, so an interrupted build (a crash, Ctrl-C, a kill) leaves the
// previous output as it was. What a power cut leaves depends on the file system, as for any
// tool that writes without `fsync` (Hugo, Zola).

import Foundation

enum FileBytes {
    /// Writes `data` to a new file at `path` (0666 minus the umask, as `Data.write` creates
    /// files); throws a `POSIXError` naming what failed.
    static func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }

    /// Whether the file at `path` holds exactly `data` (false when it cannot be read). Reads
    /// nothing when the sizes differ.
    static func equals(_ path: String, _ data: Data) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing == data
    }
}
