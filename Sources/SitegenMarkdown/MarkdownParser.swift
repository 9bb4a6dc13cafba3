// Parses Markdown with cmark-gfm and converts the C tree into `MarkdownDocument` values.
//
// This is the one place in sitegen that calls cmark-gfm. The Debian build of cmark-gfm is
// not thread-safe (a parse modifies a global character table, and registering the core
// extensions twice at once aborts), so every call into the library runs behind one lock.
// Callers may parse from any thread; the rest of the pipeline runs in parallel around it.

import CCmarkGFM
import Foundation

/// Parses CommonMark with the GitHub extensions sitegen uses (tables, strikethrough,
/// autolinks) into Swift values.
public struct MarkdownParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// Parses `text` and returns its syntax tree. Never throws: every input is some Markdown.
    ///
    /// `lineOffset` is added to every line number, for texts cut out of a larger file.
    public func parse(_ text: String, lineOffset: Int = 0) -> MarkdownDocument {
        let blocks: [Block] = CmarkLock.shared.withLock {
            CmarkLock.registerExtensionsOnce()
            let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
            guard let parser = cmark_parser_new(options) else { return [] }
            defer { cmark_parser_free(parser) }
            for name in ["table", "strikethrough", "autolink"] {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            var utf8 = Array(text.utf8)
            utf8.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
            guard let root = cmark_parser_finish(parser) else { return [] }
            defer { cmark_node_free(root) }
            let converter = CmarkConverter(lineOffset: lineOffset)
            return converter.blocks(under: root)
        }
        return MarkdownDocument(blocks: blocks.map(expandingFigures))
    }

    /// Replaces fenced `figure` blocks by figures whose content is parsed as Markdown
    /// (outside the lock: the lock is not re-entrant).
    private func expandingFigures(_ block: Block) -> Block {
        switch block {
        case .codeBlock(let info, let literal, let at) where info.trimmingCharacters(in: .whitespaces) == "figure":
            return .figure(parse(literal, lineOffset: at.line).blocks, at: at)
        case .blockQuote(let children, let at):
            return .blockQuote(children.map(expandingFigures), at: at)
        case .list(let ordered, let start, let tight, let items, let at):
            return .list(ordered: ordered, start: start, tight: tight,
                         items: items.map { $0.map(expandingFigures) }, at: at)
        default:
            return block
        }
    }
}

/// The process-wide lock around cmark-gfm.
final class CmarkLock: @unchecked Sendable {
    static let shared = NSLock()
    nonisolated(unsafe) private static var registered = false

    /// Registers cmark-gfm's core extensions; call only while holding `shared`.
    static func registerExtensionsOnce() {
        if !registered {
            cmark_gfm_core_extensions_ensure_registered()
            registered = true
        }
    }
}
