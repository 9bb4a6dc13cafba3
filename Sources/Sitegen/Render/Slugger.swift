// Turns headings into readable, unique element ids ("Excess deaths by age" →
// "excess-deaths-by-age"), the same way on every build.

import Foundation

/// Makes ids unique across everything it has seen.
public struct Slugger: Sendable {
    private var used: [String: Int] = [:]

    /// Creates a slugger; `reserved` ids are never handed out.
    public init(reserved: [String] = []) {
        for id in reserved { used[id] = 1 }
    }

    /// A lowercase ASCII slug of `text`: letters and digits, other runs become one `-`.
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash, !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : result
    }

    /// A slug of `text` not handed out before (suffixed `-2`, `-3`, … when needed).
    public mutating func unique(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var n = used[base, default: 0]
        while used[candidate] != nil {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used[base] = max(n, 1)
        used[candidate] = 1
        return candidate
    }
}
