// Speaker turns of transcripts: a paragraph that opens with a speaker in bold, an optional
// timestamp in brackets and a colon, `**Ana Ruiz** [00:12:04]: The outbreak…`.

import SitegenMarkdown

/// A paragraph recognised as a speaker turn.
struct SpeakerTurn {
    var speaker: String
    var timestamp: String?
    var rest: [Inline]

    /// Recognises a speaker turn; nil for any other paragraph.
    init?(_ inlines: [Inline]) {
        guard case .strong(let name)? = inlines.first, inlines.count >= 2,
              case .text(let after, let at) = inlines[1] else { return nil }
        let speaker = name.plainText.trimmingCharacters(in: .whitespaces)
        guard !speaker.isEmpty, speaker.count <= 60 else { return nil }
        var text = Substring(after)
        var timestamp: String? = nil
        let trimmed = text.drop(while: { $0 == " " })
        if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
            let inside = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isNumber || $0 == ":" }), inside.contains(":") else { return nil }
            timestamp = String(inside)
            text = trimmed[trimmed.index(after: close)...]
        }
        guard text.hasPrefix(":") else { return nil }
        let rest = String(text.dropFirst().drop(while: { $0 == " " }))
        self.speaker = speaker
        self.timestamp = timestamp
        self.rest = (rest.isEmpty ? [] : [.text(rest, at: at)]) + inlines.dropFirst(2)
    }
}

import Foundation
