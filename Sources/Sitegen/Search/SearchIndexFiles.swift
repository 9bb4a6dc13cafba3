// The index as the browser reads it, in files small enough that a query fetches only what
// it needs (all under `search/`, beside the search page):
//
//   meta.json     {"version":1, "kinds":[…], "strings":[titles and sections],
//                  "records":[[kind, title, section or -1, url], …],
//                  "shards":[first term of each terms file], "chunks":[first record of each text file]}
//   terms-N.json  {"terms":[…], "postings":[…]}: a range of terms in UTF-16 order; postings as
//                 a string of numbers: record-number gaps and scores, alternating
//   text-N.json   [text, …] of a range of records; [text, alias, …] when the record has boosted
//                 strings other than its title and section (phrases are matched in them too)
//
// Numbers in postings are written in base 32, most significant digit first, with the
// alphabet `0-9A-Za-z-_`: digits 0–31 are `0`…`V`, and the last digit of a number is shifted
// up by 32 (`W`…`_`), so no separator is needed. Everything is sorted: same input, same bytes.

import Foundation

/// Serialises a `SearchIndex` into output files.
public struct SearchIndexFiles: Hashable, Sendable {
    /// The folder of the files, relative to the output.
    public var folder = "search/"
    /// A terms file is closed once its content passes this many bytes.
    public var shardBytes = 4096
    /// A text file is closed once its texts pass this many bytes.
    public var chunkBytes = 4096

    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// Creates the default layout.
    public init() {}

    /// The files of `index`.
    public func files(for index: SearchIndex) -> [OutputFile] {
        var files: [OutputFile] = []

        // Terms, in shards of about `shardBytes`.
        var shardStarts: [String] = []
        var terms: [String] = [], postings: [String] = [], size = 0
        func closeShard() {
            guard !terms.isEmpty else { return }
            files.append(OutputFile(path: folder + "terms-\(shardStarts.count - 1).json",
                                    text: #"{"terms":"# + Self.array(terms) + #","postings":"# + Self.array(postings) + "}"))
            terms = []; postings = []; size = 0
        }
        for (term, list) in zip(index.terms, index.postings) {
            if terms.isEmpty { shardStarts.append(term) }
            let encoded = Self.encode(list)
            terms.append(term)
            postings.append(encoded)
            size += term.utf8.count + encoded.utf8.count + 6
            if size >= shardBytes { closeShard() }
        }
        closeShard()

        // Texts, in chunks of about `chunkBytes`.
        var chunkStarts: [Int] = []
        var texts: [String] = []
        size = 0
        func closeChunk() {
            guard !texts.isEmpty else { return }
            files.append(OutputFile(path: folder + "text-\(chunkStarts.count - 1).json", text: "[" + texts.joined(separator: ",") + "]"))
            texts = []; size = 0
        }
        for (number, record) in index.records.enumerated() {
            if texts.isEmpty { chunkStarts.append(number) }
            let extras = Self.extras(record)
            texts.append(extras.isEmpty ? Self.string(record.text) : Self.array([record.text] + extras))
            size += record.text.utf8.count
            if size >= chunkBytes { closeChunk() }
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
        let kinds = SearchRecord.Kind.allCases
        let records = index.records.map { record in
            let kind = kinds.firstIndex(of: record.kind)!
            let section = record.section.map(id) ?? -1
            return "[\(kind),\(id(record.title)),\(section),\(Self.string(record.url))]"
        }
        let meta = #"{"version":1,"kinds":"# + Self.array(kinds.map(\.rawValue))
            + #","strings":"# + Self.array(strings)
            + #","records":["# + records.joined(separator: ",\n")
            + #"],"shards":"# + Self.array(shardStarts)
            + #","chunks":["# + chunkStarts.map(String.init).joined(separator: ",") + "]}\n"
        files.append(OutputFile(path: folder + "meta.json", text: meta))
        return files
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
