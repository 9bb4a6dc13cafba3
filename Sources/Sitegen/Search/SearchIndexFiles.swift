// The index as the browser reads it, in files small enough that a query fetches only what
// it needs (all under `search/`, beside the search page):
//
//   meta.json          {"version":2, "count":number of records,
//                       "shards":[first term of each terms file], "chunks":[first record of each text file],
//                       "shardFiles":[name of each terms file], "chunkFiles":[name of each text file]}
//                       The search page carries the same JSON in a data block (about 2 KB
//                       compressed), so that a query's shards are requested as soon as the
//                       script runs; the box on other pages fetches it when focused.
//   records.json       {"kinds":[…], "strings":[titles, sections, URLs],
//                       "records":[[kind, title, n, section or -1, url, m], …]}: what results show.
//                       A title or URL that ends in a number is written as its stem and the
//                       number (n, m; -1 when there is none): `Note 12` is "Note " and 12,
//                       `report/x/#intro-p3` is "report/x/#intro-p" and 3, so that records of
//                       one page or section share their strings (a sixth of the bytes).
//                       The search page carries it too, in a second data block at its end: those
//                       bytes arrive while the page's script and styles wait out their round
//                       trip, when the link is idle, instead of sharing the next round with
//                       them. The box on other pages fetches it with meta.json.
//   terms-N.H.json     {"terms":[…], "postings":[…]}: a range of terms in UTF-16 order; postings as
//                      a string of numbers: record-number gaps and scores, alternating
//   text-N.H.json      [text, …] of a range of records; [text, alias, …] when the record has boosted
//                      strings other than its title and section (phrases are matched in them too)
//
// H is a fingerprint of the file's bytes (8 hex digits): a file's name changes when its content
// does, so hosts can let browsers keep `terms-*` and `text-*` files for a year (`immutable`),
// while `meta.json`, `records.json` and the search page are revalidated.
//
// Numbers in postings are written in base 32, most significant digit first, with the
// alphabet `0-9A-Za-z-_`: digits 0–31 are `0`…`V`, and the last digit of a number is shifted
// up by 32 (`W`…`_`), so no separator is needed. Everything is sorted: same input, same bytes.

import Foundation

/// Serialises a `SearchIndex` into output files.
public struct SearchIndexFiles: Hashable, Sendable {
    /// The folder of the files, relative to the output.
    public var folder = "search/"
    /// A terms file is closed once its content passes this many bytes (or the larger size that
    /// keeps the terms within `maxShardFiles` files).
    public var shardBytes = 4096
    /// A text file is closed once its texts pass this many bytes (or the larger size that keeps
    /// the texts within `maxChunkFiles` files).
    public var chunkBytes = 4096
    /// At most about this many terms files: past `shardBytes × maxShardFiles` bytes of terms, the
    /// shards grow with the content instead of their number (each file created costs the build
    /// an inode, and a host a request's overhead). A site of the shipped report's size keeps
    /// `shardBytes`.
    public var maxShardFiles = 128
    /// At most about this many text files, the same way. Unbounded by default: a first query
    /// fetches one text file per result it shows, and those results lie in as many different
    /// files, so larger text files multiply the bytes a reader on a slow connection waits for
    /// (at 100× the shipped report, 512 files of ≈ 50 KB made a first query ≈ 8× heavier, against
    /// the +10% the index may cost). Term shards grow instead: a query reads one or two of them.
    public var maxChunkFiles = Int.max

    /// What the search page's data block holds until `SearchIndexer` puts the metadata there: valid
    /// JSON without records, so a page rendered without an index falls back to `meta.json`.
    public static let metaPlaceholder = #"{"version":0,"pending":"sitegen-search-meta"}"#
    /// The same for the records table: without records, the page falls back to `records.json`.
    public static let recordsPlaceholder = #"{"version":0,"pending":"sitegen-search-records"}"#

    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// Creates the default layout.
    public init() {}

    /// The files of `index`.
    public func files(for index: SearchIndex) -> [OutputFile] {
        var files: [OutputFile] = []

        // Terms, in shards of about `shardBytes`, or larger when there are many terms.
        let encodedPostings = index.postings.map(Self.encode)
        let termsSize = zip(index.terms, encodedPostings).reduce(0) { $0 + Self.termSize($1.0, $1.1) }
        let shardTarget = Self.target(total: termsSize, minimum: shardBytes, files: maxShardFiles)
        var shardStarts: [String] = [], shardFiles: [String] = []
        var terms: [String] = [], postings: [String] = [], size = 0
        func closeShard() {
            guard !terms.isEmpty else { return }
            let text = #"{"terms":"# + Self.array(terms) + #","postings":"# + Self.array(postings) + "}"
            shardFiles.append(Self.hashedName("terms-\(shardStarts.count - 1)", text))
            files.append(OutputFile(path: folder + shardFiles.last!, text: text))
            terms = []; postings = []; size = 0
        }
        for (term, encoded) in zip(index.terms, encodedPostings) {
            if terms.isEmpty { shardStarts.append(term) }
            terms.append(term)
            postings.append(encoded)
            size += Self.termSize(term, encoded)
            if size >= shardTarget { closeShard() }
        }
        closeShard()

        // Texts, in chunks of about `chunkBytes`, or larger when there are many texts.
        let textsSize = index.records.reduce(0) { $0 + $1.text.utf8.count }
        let chunkTarget = Self.target(total: textsSize, minimum: chunkBytes, files: maxChunkFiles)
        var chunkStarts: [Int] = [], chunkFiles: [String] = []
        var texts: [String] = []
        size = 0
        func closeChunk() {
            guard !texts.isEmpty else { return }
            let text = "[" + texts.joined(separator: ",") + "]"
            chunkFiles.append(Self.hashedName("text-\(chunkStarts.count - 1)", text))
            files.append(OutputFile(path: folder + chunkFiles.last!, text: text))
            texts = []; size = 0
        }
        for (number, record) in index.records.enumerated() {
            if texts.isEmpty { chunkStarts.append(number) }
            let extras = Self.extras(record)
            texts.append(extras.isEmpty ? Self.string(record.text) : Self.array([record.text] + extras))
            size += record.text.utf8.count
            if size >= chunkTarget { closeChunk() }
        }
        closeChunk()

        // Meta: kinds, the string table, records, and where terms and texts are.
        var strings: [String] = [], stringIDs: [String: Int] = [:]
        func id(_ string: String) -> Int {
            if let id = stringIDs[string] { return id }
            stringIDs[string] = strings.count
            strings.append(string)
            return strings.count - 1
        }
        var kinds = SearchRecord.Kind.allCases
        for record in index.records where !kinds.contains(record.kind) { kinds.append(record.kind) }
        let records = index.records.map { record in
            let kind = kinds.firstIndex(of: record.kind)!
            let title = Self.numbered(record.title), url = Self.numbered(record.url)
            let section = record.section.map(id) ?? -1
            return "[\(kind),\(id(title.stem)),\(title.number),\(section),\(id(url.stem)),\(url.number)]"
        }
        let table = #"{"kinds":"# + Self.array(kinds.map(\.rawValue))
            + #","strings":"# + Self.array(strings)
            + #","records":["# + records.joined(separator: ",\n") + "]}\n"
        files.append(OutputFile(path: folder + Self.recordsName, text: table))
        let meta = #"{"version":2,"count":\#(index.records.count)"#
            + #","shards":"# + Self.array(shardStarts)
            + #","chunks":["# + chunkStarts.map(String.init).joined(separator: ",")
            + #"],"shardFiles":"# + Self.array(shardFiles)
            + #","chunkFiles":"# + Self.array(chunkFiles) + "}\n"
        files.append(OutputFile(path: folder + Self.metaName, text: meta))
        return files
    }

    /// The size at which a file is closed: `minimum`, or `total / files` (rounded up) when that
    /// is larger, so that `total` bytes make at most `files` files (each closed file holds at
    /// least the target; the last may hold less).
    static func target(total: Int, minimum: Int, files: Int) -> Int {
        guard files > 0 else { return minimum }
        return max(minimum, total / files + (total % files == 0 ? 0 : 1))
    }

    /// What a term and its postings count towards a shard's size.
    static func termSize(_ term: String, _ encoded: String) -> Int {
        term.utf8.count + encoded.utf8.count + 6
    }

    /// Where terms and texts are: small, so that the search page can carry it.
    public static let metaName = "meta.json"
    /// What a result shows besides its text: kinds, titles, sections, URLs.
    public static let recordsName = "records.json"

    /// `name.H.json`, H the first 8 hex digits of the fingerprint of `text`.
    static func hashedName(_ name: String, _ text: String) -> String {
        let hash = String(ContentHash.of(text).first >> 32, radix: 16)
        return name + "." + String(repeating: "0", count: 8 - hash.count) + hash + ".json"
    }

    /// Whether `path` (relative to the output) names a fingerprinted index file, which may be
    /// cached for good: `search/terms-N.H.json` or `search/text-N.H.json`.
    public static func isFingerprinted(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count == 2, parts[0] == "search" else { return false }
        let name = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard name.count == 3, name[2] == "json", name[1].count == 8,
              name[1].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return false }
        let stem = name[0].split(separator: "-")
        return stem.count == 2 && (stem[0] == "terms" || stem[0] == "text") && !stem[1].isEmpty
            && stem[1].utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The metadata as the content of a `<script type="application/json">` data block: `<`
    /// written as `\u003c`, so that no `</script>` or `<!--` can end or change the block.
    public static func dataBlock(_ meta: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(meta.utf8.count + 64)
        for byte in meta.utf8 {
            if byte == UInt8(ascii: "<") { bytes += Array(#"\u003c"#.utf8) } else { bytes.append(byte) }
        }
        while bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a stem and the number it ends with (`Note 12` → `Note `, 12), or `text` and -1
    /// when it ends in no number that reads back the same (no digits, a leading zero, too long).
    static func numbered(_ text: String) -> (stem: String, number: Int) {
        let utf8 = text.utf8
        var start = utf8.endIndex
        while start > utf8.startIndex, (0x30...0x39).contains(utf8[utf8.index(before: start)]) {
            start = utf8.index(before: start)
        }
        let digits = utf8[start...]
        guard !digits.isEmpty, digits.count <= 9, digits.count == 1 || digits.first != 0x30 else { return (text, -1) }
        let number = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (String(text[..<start]), number)
    }

    /// The title or URL `numbered` split: the stem with its number, if any.
    static func joined(_ stem: String, _ number: Int) -> String {
        number < 0 ? stem : stem + String(number)
    }

    /// Boosted strings a phrase can be found in besides the title, section and text.
    static func extras(_ record: SearchRecord) -> [String] {
        record.boosted.filter { $0 != record.title && $0 != record.section }
    }

    /// Postings as gaps and scores in the base-32 alphabet.
    static func encode(_ postings: [SearchIndex.Posting]) -> String {
        var bytes: [UInt8] = []
        var previous = 0
        for posting in postings {
            appendNumber(posting.record - previous, to: &bytes)
            appendNumber(posting.score, to: &bytes)
            previous = posting.record
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One number: base-32 digits, most significant first, the last one shifted by 32.
    static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        var shift = 0
        while number >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            bytes.append(alphabet[(number >> shift) & 31])
            shift -= 5
        }
        bytes.append(alphabet[32 + number & 31])
    }

    /// Decodes `encode`'s output (for tests and tools).
    static func decode(_ string: String) -> [SearchIndex.Posting] {
        var numbers: [Int] = [], value = 0
        for byte in string.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { continue }
            value = value * 32 + digit & 31
            if digit >= 32 {
                numbers.append(value)
                value = 0
            }
        }
        var postings: [SearchIndex.Posting] = [], record = 0
        for pair in stride(from: 0, to: numbers.count - 1, by: 2) {
            record += numbers[pair]
            postings.append(.init(record: record, score: numbers[pair + 1]))
        }
        return postings
    }

    /// A JSON array of strings.
    static func array(_ strings: [String]) -> String {
        "[" + strings.map(string).joined(separator: ",") + "]"
    }

    /// A JSON string: quotes, backslashes and control characters escaped; U+2028 and U+2029 too.
    static func string(_ string: String) -> String {
        let clean = string.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }
        if clean { return "\"" + string + "\"" }
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{2028}", "\u{2029}":
                out += String(format: "\\u%04x", scalar.value)
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
