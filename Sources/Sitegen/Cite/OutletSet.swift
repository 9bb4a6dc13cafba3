// The news outlets a site knows, from its content (organisation profiles of a media type):
// matched at the start of a citation, against a citation's journal or outlet, and against the
// host of its address ("The Irrawaddy" ↔ irrawaddy.com).

/// Names of news outlets, matched on bytes.
public struct OutletSet: Sendable {
    /// Outlet names by their first byte, longest first.
    private var byFirstByte: [UInt8: [[UInt8]]] = [:]
    /// Folded name ("irrawaddy", "rfa") → name as printed.
    private var folded: [String: String] = [:]

    /// An outlet set of `names` (a profile's name, aliases and abbreviation).
    public init(_ names: [String]) {
        for name in names where name.utf8.count >= 2 {
            let bytes = Array(name.utf8)
            byFirstByte[bytes[0], default: []].append(bytes)
            folded[Self.fold(name)] = folded[Self.fold(name)] ?? name
        }
        for key in byFirstByte.keys { byFirstByte[key]!.sort { $0.count > $1.count } }
    }

    public var isEmpty: Bool { folded.isEmpty }

    /// "The New York Times" → "newyorktimes".
    static func fold(_ name: String) -> String {
        var text = name.lowercased()
        if text.hasPrefix("the ") { text.removeFirst(4) }
        return SourceKeys.fold(text)
    }

    /// The outlet whose name starts at `i` and ends a word, with the index after it.
    func match(_ b: [UInt8], at i: Int) -> (String, Int)? {
        guard i < b.count, let candidates = byFirstByte[b[i]] else { return nil }
        for name in candidates where CiteBytes.has(b, i, bytes: name) && CiteBytes.wordEnd(b, i + name.count) {
            return (String(decoding: name, as: UTF8.self), i + name.count)
        }
        return nil
    }

    /// The outlet named `text` (any case, with or without "The").
    func named(_ text: String) -> String? {
        folded[Self.fold(text)]
    }

    /// The outlet whose folded name is the main label of `url`'s host (www.irrawaddy.com → irrawaddy).
    func forAddress(_ url: String) -> String? {
        guard let host = Self.host(url) else { return nil }
        let labels = host.split(separator: ".")
        guard labels.count >= 2 else { return nil }
        // The label before the public suffix: "irrawaddy" in www.irrawaddy.com, "bbc" in bbc.co.uk.
        var index = labels.count - 2
        if labels.count >= 3, ["co", "com", "org", "net", "ac", "gov"].contains(labels[labels.count - 2]) { index -= 1 }
        return folded[String(labels[index])]
    }

    /// The host of an address ("https://www.example.org/a" → "www.example.org").
    static func host(_ url: String) -> String? {
        let b = Array(url.utf8)
        var s = 0
        if let k = CiteBytes.find(b, "://") { s = k + 3 }
        var e = s
        var dotted = false
        while e < b.count, b[e] != UInt8(ascii: "/"), b[e] != UInt8(ascii: "?"), b[e] != UInt8(ascii: "#"), b[e] != UInt8(ascii: ":") {
            if b[e] == UInt8(ascii: ".") { dotted = true }
            e += 1
        }
        return dotted ? String(decoding: b[s..<e], as: UTF8.self).lowercased() : nil
    }
}
