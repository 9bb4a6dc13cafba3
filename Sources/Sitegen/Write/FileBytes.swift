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
        let fd = try create(path)
        defer { close(fd) }
        try write(data, to: fd)
    }

    /// Creates (or truncates) the file at `path` for writing; returns its descriptor.
    static func create(_ path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return fd
    }

    /// Writes all of `data` to the open file `fd`.
    static func write(_ data: Data, to fd: Int32) throws {
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

    /// The digest of the `size` bytes of the file at `path`, read in pieces (nil when it
    /// cannot be read or holds another number of bytes).
    static func digest(of path: String, size: Int) -> FileDigest? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hasher = ContentHasher()
        hasher.beginBytes(count: size)
        let piece = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: piece, alignment: 8)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            // Fill the whole piece (a multiple of 8 bytes) unless the file ends first.
            var filled = 0
            while filled < piece {
                let count = read(fd, buffer.baseAddress! + filled, piece - filled)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { return nil }
                if count == 0 { break }
                filled += count
            }
            guard filled > 0 else { break }
            hasher.continueBytes(UnsafeRawBufferPointer(rebasing: buffer[..<filled]))
            total += filled
            if filled < piece { break }
        }
        guard total == size else { return nil }
        return FileDigest(size: size, fingerprint: hasher.finalize().first)
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
