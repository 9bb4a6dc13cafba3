// The large parts of a page (a chapter's text and notes, the notes page's list, each chapter
// and the notes of the full report) do not pass through the template. A page rendered whole
// would hold a 50 MB fragment as the serialised fragment in the model, again inside the
// rendered bytes, and a third time as the bytes written. Instead the
// model holds a short marker where the fragment goes (inserted raw, `{{{…}}}`), the template
// is rendered with the markers, and the page is written as the template's bytes up to a
// marker, then the fragment serialised by an `HTMLWriter` that hands its bytes to the page's
// sink about every 64 KB, then on to the next marker. What the fragment is made of (an HTML
// tree, note items serialised once) is built only then, and dropped with the page.
// Byte for byte this is the page the template renders with the fragments in place: a marker
// inserted with `{{{…}}}` stands exactly where the fragment's text would. A template that uses
// a fragment's field otherwise (escaped `{{…}}`, twice, or not at all) does not show each
// marker exactly once (a marker holds `<`, which escaping changes); that page is rendered
// again with the fragments in the model, as before (`materialised`).

import Foundation

/// A fragment of a page, made when the page is written.
struct PageFragment: @unchecked Sendable {   // the closure reads immutable values only
    /// What stands in the model where the fragment goes.
    var marker: String
    /// Writes the fragment's HTML.
    var write: (inout HTMLWriter) -> Void
    /// What the fragment is made of, when the preview's cache can tell (`RenderCache`): the
    /// same key, the same bytes.
    var key: ContentHash? = nil

    /// The fragment serialised whole.
    var serialised: String {
        var writer = HTMLWriter(capacity: 1 << 16)
        write(&writer)
        return writer.finishString()
    }

    /// Markers begin with this text; the process's own random number keeps them from meeting
    /// text a page happens to hold.
    static let prefix = "<sitegen-fragment-\(String(UInt64.random(in: 1...UInt64.max), radix: 36))-"

    /// Hands out markers for the fragments of one page.
    struct List {
        private(set) var fragments: [PageFragment] = []

        /// Adds a fragment written by `write`; returns the marker to put in the model in its place.
        mutating func add(key: ContentHash? = nil, _ write: @escaping (inout HTMLWriter) -> Void) -> String {
            let marker = PageFragment.prefix + String(fragments.count) + ">"
            fragments.append(PageFragment(marker: marker, write: write, key: key))
            return marker
        }

        /// Adds a fragment made of the tree `html` builds.
        mutating func add(key: ContentHash? = nil, html: @escaping () -> HTML) -> String {
            add(key: key) { $0.write(html()) }
        }
    }

    /// Where each fragment's marker stands in `bytes` (start and end offsets, in fragment
    /// order), or nil unless each of `count` markers stands there exactly once.
    static func positions(in bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>]? {
        let prefix = Array(Self.prefix.utf8)
        var found = [Range<Int>?](repeating: nil, count: count)
        var index = 0
        let end = bytes.count
        while index + prefix.count <= end {
            guard bytes[index] == prefix[0] else { index += 1; continue }
            var matches = true
            for offset in 1..<prefix.count where bytes[index + offset] != prefix[offset] {
                matches = false
                break
            }
            guard matches else { index += 1; continue }
            var cursor = index + prefix.count
            var number = 0
            var digits = 0
            while cursor < end, (48...57).contains(bytes[cursor]), digits < 9 {
                number = number * 10 + Int(bytes[cursor] - 48)
                cursor += 1
                digits += 1
            }
            guard digits > 0, cursor < end, bytes[cursor] == UInt8(ascii: ">"), number < count,
                  found[number] == nil else { return nil }
            found[number] = index..<(cursor + 1)
            index = cursor + 1
        }
        let all = found.compactMap { $0 }
        return all.count == count ? all : nil
    }
}

extension PageRenderer.PageJob {
    /// The page model with each fragment's serialised HTML where its marker stands (for the
    /// preview's cache, which fingerprints whole models, and for templates that do not show
    /// each marker once).
    func materialised() -> PageRenderer.PageJob {
        guard !fragments.isEmpty else { return self }
        let texts = Dictionary(uniqueKeysWithValues: fragments.map { ($0.marker, $0) })
        func fill(_ value: String?) -> String? {
            guard let value, value.hasPrefix(PageFragment.prefix), let fragment = texts[value] else { return value }
            return fragment.serialised
        }
        var job = self
        job.model.contentHTML = fill(model.contentHTML)
        job.model.notesHTML = fill(model.notesHTML)
        job.model.chaptersHTML = model.chaptersHTML?.map { fill($0)! }
        job.fragments = []
        return job
    }

    /// Renders the page into `sink`: the template's bytes with each fragment streamed where
    /// its marker stands.
    func render(with templates: TemplateSet, into sink: PageSink, store: FragmentStore? = nil) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 14)
        templates.render(template, model, into: &bytes)
        let streamed: Bool = bytes.withUnsafeBufferPointer { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            guard !fragments.isEmpty else {
                sink.append(raw)
                return true
            }
            guard let positions = PageFragment.positions(in: bytes, count: fragments.count) else { return false }
            var cursor = 0
            for (fragment, range) in zip(fragments, positions).sorted(by: { $0.1.lowerBound < $1.1.lowerBound }) {
                sink.append(UnsafeRawBufferPointer(rebasing: raw[cursor..<range.lowerBound]))
                if let store, let key = fragment.key {
                    // The preview keeps each fragment's bytes by its key.
                    let bytes = store.bytes(key) ?? {
                        let own = PageSink(path: sink.path, staging: nil)
                        var writer = HTMLWriter(sink: own)
                        fragment.write(&writer)
                        writer.flush()
                        let data = own.finish().data
                        store.keep(key, data)
                        return data
                    }()
                    bytes.withUnsafeBytes { sink.append($0) }
                } else {
                    var writer = HTMLWriter(sink: sink)
                    fragment.write(&writer)
                    writer.flush()
                }
                cursor = range.upperBound
            }
            sink.append(UnsafeRawBufferPointer(rebasing: raw[cursor...]))
            return true
        }
        guard !streamed else { return }
        bytes.removeAll(keepingCapacity: true)
        templates.render(template, materialised().model, into: &bytes)
        bytes.withUnsafeBytes { sink.append($0) }
    }
}
