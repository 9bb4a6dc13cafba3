// The Markdown syntax tree as plain Swift values.
//
// `MarkdownParser` builds these from cmark-gfm's C tree and frees the C memory before it
// returns, so no other module ever sees a C pointer. The tree is deliberately small: the
// node kinds CommonMark and the GitHub extensions this project enables can produce, plus
// footnote references (`[^label]`) as their own inline, because sitegen resolves notes
// across files itself.

/// A position in a source text: 1-based line and column (column counted in UTF-8 bytes,
/// as cmark reports it).
public struct SourcePosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    /// Creates a position; both numbers are 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions by line, then column.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Column alignment of a GFM table.
public enum TableAlignment: Hashable, Sendable {
    case none, left, center, right
}

/// A block-level node.
public indirect enum Block: Hashable, Sendable {
    case paragraph([Inline], at: SourcePosition)
    case heading(level: Int, [Inline], at: SourcePosition)
    case blockQuote([Block], at: SourcePosition)
    /// `items` holds the blocks of each list item.
    case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]], at: SourcePosition)
    case codeBlock(info: String, literal: String, at: SourcePosition)
    case htmlBlock(String, at: SourcePosition)
    case thematicBreak(at: SourcePosition)
    /// The first row is the header row.
    case table(alignments: [TableAlignment], rows: [[[Inline]]], at: SourcePosition)
    /// A fenced block with the info string `figure`: its content is Markdown, rendered as a
    /// `<figure>` whose caption holds the blocks.
    case figure([Block], at: SourcePosition)

    /// Where the block starts in the source.
    public var position: SourcePosition {
        switch self {
        case .paragraph(_, let p), .heading(_, _, let p), .blockQuote(_, let p),
             .list(_, _, _, _, let p), .codeBlock(_, _, let p), .htmlBlock(_, let p),
             .thematicBreak(let p), .table(_, _, let p), .figure(_, let p):
            return p
        }
    }
}

/// An inline node.
public indirect enum Inline: Hashable, Sendable {
    case text(String, at: SourcePosition)
    case softBreak
    case lineBreak
    case code(String)
    case html(String, at: SourcePosition)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(destination: String, title: String, [Inline])
    case image(source: String, title: String, alt: [Inline])
    /// A footnote reference `[^label]`; its definition may live in another file.
    case footnoteReference(label: String, at: SourcePosition)
}

/// A parsed Markdown text.
public struct MarkdownDocument: Hashable, Sendable {
    /// The top-level blocks, in source order.
    public var blocks: [Block]
    /// Where nesting past `MarkdownParser.maximumDepth` was flattened first, if anywhere.
    public var flattenedAt: SourcePosition?

    /// Creates a document from blocks.
    public init(blocks: [Block], flattenedAt: SourcePosition? = nil) {
        self.blocks = blocks
        self.flattenedAt = flattenedAt
    }
}

extension Inline {
    /// The inline's text with all markup removed (link text kept, breaks as spaces).
    public var plainText: String {
        switch self {
        case .text(let s, _), .code(let s): return s
        case .html: return ""
        case .softBreak, .lineBreak: return " "
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c):
            return c.plainText
        case .footnoteReference: return ""
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of these inlines.
    public var plainText: String { map(\.plainText).joined() }
}
