// Where one page's bytes go while it is rendered in pieces (`PageFragment`). A page is kept in
// memory while it is small; once it passes `spill` bytes and the build streams into a staging
// folder, what it holds is written to the page's file and every later piece follows as it
// comes, so a page of 50 MB never exists whole. The digest the offline manifest lists is then
// taken by reading the file back once it is complete (the fingerprint begins with the length,
// which is only known at the end). Without a staging folder (strict builds, relative links, the
// one-file edition, the preview) the page is kept whole, as those need its bytes.

import Foundation

/// The bytes of one page, in memory or streamed into its file.
final class PageSink {
    let path: String
    private let staging: SiteStaging?
    /// Bytes not written yet (all of them when the page stays in memory).
    private var pending = Data()
    private var descriptor: Int32 = -1
    private var written = 0
    private var failed = false
    /// Past this many bytes, a page being streamed goes to its file.
    let spill: Int

    /// A sink for the page at `path`; with a `staging` folder, it may be written there.
    init(path: String, staging: SiteStaging?, spill: Int = 1 << 20) {
        self.path = path
        self.staging = staging
        self.spill = spill
    }

    /// Appends the UTF-8 bytes of `text` (one copy).
    func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends bytes.
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard !failed, bytes.count > 0 else { return }
        pending.append(contentsOf: bytes)
        if staging != nil, pending.count >= spill { flush() }
    }

    /// Writes what is pending into the page's file (opening it first).
    private func flush() {
        guard let staging, !failed else { return }
        do {
            if descriptor < 0 { descriptor = try staging.create(path) }
            try FileBytes.write(pending, to: descriptor)
            written += pending.count
            pending.removeAll(keepingCapacity: true)
        } catch {
            staging.fail(path, error)
            failed = true
            pending = Data()
        }
    }

    /// The page as an output file: its bytes when it stayed in memory (written into the
    /// staging folder now, when there is one), or the record of the file it was streamed into.
    func finish() -> OutputFile {
        guard let staging else { return OutputFile(path: path, data: pending) }
        guard descriptor >= 0 || failed else { return staging.written(OutputFile(path: path, data: pending)) }
        flush()
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        var record = OutputFile(path: path, data: Data())
        record.isWritten = true
        if !failed { record.digest = staging.digest(of: path, size: written) }
        return record
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
