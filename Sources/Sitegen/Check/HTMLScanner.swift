// A small scanner for the HTML sitegen writes: it lists start tags with their attributes
// and line numbers. It is not a general HTML parser; it is enough to check links and ids in
// well-formed output (comments, scripts and styles are skipped).

/// A start tag found in a page.
struct ScannedTag: Sendable {
    var name: String
    var attributes: [String: String]
    var line: Int
}

enum HTMLScanner {
    /// The start tags of `html`, in order.
    static func tags(in html: String) -> [ScannedTag] {
        var tags: [ScannedTag] = []
        let bytes = Array(html.utf8)
        var i = 0
        var line = 1
        let n = bytes.count
        func startsWith(_ s: StaticString, at index: Int) -> Bool {
            let count = s.utf8CodeUnitCount
            guard index + count <= n else { return false }
            let u = s.utf8Start
            for k in 0..<count where bytes[index + k] != u[k] { return false }
            return true
        }
        func startsWithClose(_ name: [UInt8], at index: Int) -> Bool {
            guard index + 2 + name.count <= n, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") else { return false }
            for k in 0..<name.count where bytes[index + 2 + k] != name[k] { return false }
            return true
        }
        while i < n {
            let b = bytes[i]
            if b == 10 { line += 1; i += 1; continue }
            guard b == UInt8(ascii: "<") else { i += 1; continue }
            if startsWith("<!--", at: i) {
                i += 4
                while i < n, !startsWith("-->", at: i) { if bytes[i] == 10 { line += 1 }; i += 1 }
                i += 3
                continue
            }
            guard i + 1 < n, isNameStart(bytes[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < n, isNameChar(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
            let tagLine = line
            var attributes: [String: String] = [:]
            // Attributes until '>'.
            while j < n, bytes[j] != UInt8(ascii: ">") {
                if bytes[j] == 10 { line += 1 }
                guard isNameStart(bytes[j]) else { j += 1; continue }
                var k = j
                while k < n, isNameChar(bytes[k]) || bytes[k] == UInt8(ascii: ":") { k += 1 }
                let attrName = String(decoding: bytes[j..<k], as: UTF8.self).lowercased()
                var value = ""
                if k < n, bytes[k] == UInt8(ascii: "=") {
                    k += 1
                    if k < n, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                        let quote = bytes[k]
                        let start = k + 1
                        k = start
                        while k < n, bytes[k] != quote { if bytes[k] == 10 { line += 1 }; k += 1 }
                        value = String(decoding: bytes[start..<min(k, n)], as: UTF8.self)
                        k += 1
                    } else {
                        let start = k
                        while k < n, bytes[k] != UInt8(ascii: " "), bytes[k] != UInt8(ascii: ">") { k += 1 }
                        value = String(decoding: bytes[start..<k], as: UTF8.self)
                    }
                }
                attributes[attrName] = unescape(value)
                j = k
            }
            tags.append(ScannedTag(name: name, attributes: attributes, line: tagLine))
            i = j + 1
            if name == "script" || name == "style" {
                let closeName = Array(name.utf8)
                while i < n, !startsWithClose(closeName, at: i) { if bytes[i] == 10 { line += 1 }; i += 1 }
            }
        }
        return tags
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }

    private static func isNameChar(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }

    static func unescape(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
