// Parses Markdown with cmark-gfm and converts the C tree into `MarkdownDocument` values.
//
// This is the one place in sitegen that calls cmark-gfm. The Debian build of cmark-gfm is
// not thread-safe (a parse modifies a global character table, and registering the core
// extensions twice at once aborts), so every parse and render runs behind one lock; reading
// a finished tree into Swift values runs outside it. Callers may parse from any thread.

import CCmarkGFM
import Foundation

/// Parses CommonMark with the GitHub extensions sitegen uses (tables, strikethrough,
/// autolinks) into Swift values.
public struct MarkdownParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// How deep blocks and inlines may nest (counted together, as the HTML elements they
    /// become): deeper structure is flattened, its text kept, and the document records where
    /// (`MarkdownDocument.flattenedAt`). Every walk over the tree is bounded by this depth.
    /// 100, not 1,000: at 1,000 levels a debug build overflows a 512 KB thread stack (the
    /// default of secondary threads on macOS) while rendering; no real text nests past ~20.
    public static let maximumDepth = 64

    /// Parses `text` and returns its syntax tree. Never throws: every input is some Markdown.
    ///
    /// `lineOffset` is added to every line number, for texts cut out of a larger file.
    public func parse(_ text: String, lineOffset: Int = 0) -> MarkdownDocument {
        parse(text, lineOffset: lineOffset, depth: 1)
    }

    /// Parses `text` whose top-level blocks stand at `depth` (a figure's content is deeper).
    private func parse(_ text: String, lineOffset: Int, depth: Int) -> MarkdownDocument {
        let (blocks, flattened): ([Block], SourcePosition?) = withDocument(text, convertsOutsideLock: true) { root, _, _ in
            var converter = CmarkConverter(lineOffset: lineOffset)
            let blocks = converter.blocks(under: root, depth: depth)
            return (blocks, converter.flattenedAt)
        } ?? ([], nil)
        var flattenedAt = flattened
        let expanded = blocks.map { expandingFigures($0, depth: depth, flattenedAt: &flattenedAt) }
        return MarkdownDocument(blocks: expanded, flattenedAt: flattenedAt)
    }

    /// cmark-gfm's own HTML for `text`, parsed with the same options and extensions as
    /// `parse` and rendered by `cmark_render_html` with `CMARK_OPT_UNSAFE` (raw HTML and every
    /// URL kept as written, so a test can compare them with what sitegen shows). The reference
    /// the differential tests compare sitegen's renderer with.
    public func referenceHTML(_ text: String) -> String {
        withDocument(text) { root, parser, options in
            guard let html = cmark_render_html(root, options | CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            defer { free(html) }
            return String(cString: html)
        } ?? ""
    }

    /// Parses `text` behind the lock and hands the C tree to `body`; frees everything after.
    ///
    /// What is not thread-safe in cmark-gfm is the parse: `cmark_parser_finish` (and, for
    /// each table row, `cmark_parser_feed`) adds the extensions' special characters to a
    /// process-wide table of the inline parser and removes them again when done
    /// (`cmark_manage_extensions_special_characters`), so a parse running
    /// beside another one misses or misreads `~` and autolinks; and registering the core
    /// extensions, and looking them up in the process-wide list, must not race. Reading a
    /// finished tree (node getters, which only touch that tree) and freeing it use no shared
    /// state, so with `convertsOutsideLock` the conversion into Swift values runs after the
    /// lock is released, beside the next document's parse. Rendering stays behind the lock.
    private func withDocument<T>(_ text: String, convertsOutsideLock: Bool = false,
                                 _ body: (OpaquePointer, OpaquePointer, Int32) -> T) -> T? {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        var utf8 = Array(text.utf8)
        func parsed() -> (parser: OpaquePointer, root: OpaquePointer)? {
            CmarkLock.registerExtensionsOnce()
            guard let parser = cmark_parser_new(options) else { return nil }
            for name in Self.extensions {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            utf8.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
            guard let root = cmark_parser_finish(parser) else {
                cmark_parser_free(parser)
                return nil
            }
            return (parser, root)
        }
        func finish(_ document: (parser: OpaquePointer, root: OpaquePointer)) -> T {
            defer {
                cmark_node_free(document.root)
                cmark_parser_free(document.parser)
            }
            return body(document.root, document.parser, options)
        }
        if convertsOutsideLock {
            guard let document = CmarkLock.shared.withLock({ parsed() }) else { return nil }
            return finish(document)
        }
        return CmarkLock.shared.withLock {
            parsed().map(finish)
        }
    }

    /// The GitHub extensions sitegen enables.
    static let extensions = ["table", "strikethrough", "autolink"]

    /// Replaces fenced `figure` blocks by figures whose content is parsed as Markdown
    /// (outside the lock: the lock is not re-entrant). The walk is bounded by `maximumDepth`.
    private func expandingFigures(_ block: Block, depth: Int, flattenedAt: inout SourcePosition?) -> Block {
        switch block {
        case .codeBlock(let info, let literal, let at) where info.trimmingCharacters(in: .whitespaces) == "figure":
            // figure > figcaption > blocks.
            let inner = parse(literal, lineOffset: at.line, depth: depth + 2)
            if flattenedAt == nil { flattenedAt = inner.flattenedAt }
            return .figure(inner.blocks, at: at)
        case .blockQuote(let children, let at):
            return .blockQuote(children.map { expandingFigures($0, depth: depth + 1, flattenedAt: &flattenedAt) }, at: at)
        case .list(let ordered, let start, let tight, let items, let at):
            return .list(ordered: ordered, start: start, tight: tight,
                         items: items.map { $0.map { expandingFigures($0, depth: depth + 2, flattenedAt: &flattenedAt) } }, at: at)
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
