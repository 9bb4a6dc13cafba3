// Walks a cmark-gfm node tree and builds `Block` and `Inline` values. Runs while the
// parser lock is held; the caller frees the tree afterwards.
//
// Nesting is bounded: a block or inline deeper than `MarkdownParser.maximumDepth` levels
// (blocks and inlines counted together) is not converted as a tree; its text is kept, flat,
// at the limit (collected by a loop, not by recursion), and the first such place is
// reported. Every later walk over the Swift tree (rendering, serialising, search, hashing)
// is therefore bounded by the limit, whatever the input.

import CCmarkGFM

struct CmarkConverter {
    let lineOffset: Int
    /// The deepest level converted as a tree.
    var maximumDepth = MarkdownParser.maximumDepth
    /// Where the first node past the limit starts, if any.
    private(set) var flattenedAt: SourcePosition? = nil

    init(lineOffset: Int, maximumDepth: Int = MarkdownParser.maximumDepth) {
        self.lineOffset = lineOffset
        self.maximumDepth = maximumDepth
    }

    mutating func blocks(under parent: OpaquePointer, depth: Int = 1) -> [Block] {
        guard depth <= maximumDepth else { return flatBlocks(under: parent) }
        var result: [Block] = []
        for child in children(of: parent) {
            if let converted = block(child, depth: depth) { result.append(converted) }
        }
        return result
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            result.append(c)
            child = cmark_node_next(c)
        }
        return result
    }

    private func position(_ node: OpaquePointer) -> SourcePosition {
        SourcePosition(
            line: Int(cmark_node_get_start_line(node)) + lineOffset,
            column: max(1, Int(cmark_node_get_start_column(node)))
        )
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func typeName(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    private mutating func noteFlattened(_ node: OpaquePointer) {
        if flattenedAt == nil { flattenedAt = position(node) }
    }

    private mutating func block(_ node: OpaquePointer, depth: Int) -> Block? {
        let at = position(node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(under: node, depth: depth + 1), at: at)
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node, depth: depth + 1), at: at)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(under: node, depth: depth + 1), at: at)
        case CMARK_NODE_LIST:
            // A list and its items are two levels (`<ul><li>`).
            let items = children(of: node).map { blocks(under: $0, depth: depth + 2) }
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0,
                items: items, at: at)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)),
                              literal: string(cmark_node_get_literal(node)), at: at)
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(string(cmark_node_get_literal(node)), at: at)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak(at: at)
        default:
            if typeName(node) == "table" { return table(node, depth: depth, at: at) }
            // Unknown block kinds (none are enabled) keep their text as a paragraph.
            let content = inlines(under: node, depth: depth + 1)
            return content.isEmpty ? nil : .paragraph(content, at: at)
        }
    }

    private mutating func table(_ node: OpaquePointer, depth: Int, at: SourcePosition) -> Block {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [TableAlignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch UInt8(raw[i]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        // table > tbody > tr > td: the cells' inlines are four levels down.
        let rows = children(of: node).map { row in children(of: row).map { inlines(under: $0, depth: depth + 4) } }
        return .table(alignments: alignments, rows: rows, at: at)
    }

    /// The blocks under `parent` past the depth limit, containers dissolved: paragraphs,
    /// headings, code and tables in document order, their inlines flat. A loop, not recursion.
    private mutating func flatBlocks(under parent: OpaquePointer) -> [Block] {
        noteFlattened(cmark_node_first_child(parent) ?? parent)
        var result: [Block] = []
        var pending = Array(children(of: parent).reversed())
        while let node = pending.popLast() {
            let at = position(node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                result.append(.paragraph(flatInlines(under: node), at: at))
            case CMARK_NODE_HEADING:
                result.append(.heading(level: Int(cmark_node_get_heading_level(node)), flatInlines(under: node), at: at))
            case CMARK_NODE_CODE_BLOCK:
                result.append(.codeBlock(info: string(cmark_node_get_fence_info(node)),
                                         literal: string(cmark_node_get_literal(node)), at: at))
            case CMARK_NODE_HTML_BLOCK:
                result.append(.htmlBlock(string(cmark_node_get_literal(node)), at: at))
            case CMARK_NODE_THEMATIC_BREAK:
                result.append(.thematicBreak(at: at))
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                pending.append(contentsOf: children(of: node).reversed())
            default:
                if typeName(node) == "table" {
                    let rows = children(of: node).map { row in children(of: row).map { flatInlines(under: $0) } }
                    result.append(.table(alignments: [], rows: rows, at: at))
                } else {
                    let content = flatInlines(under: node)
                    if !content.isEmpty { result.append(.paragraph(content, at: at)) }
                }
            }
        }
        return result
    }

    private mutating func inlines(under parent: OpaquePointer, depth: Int) -> [Inline] {
        guard depth <= maximumDepth else { return flatInlines(under: parent) }
        var result: [Inline] = []
        // cmark splits text at brackets; neighbouring text nodes are merged into one run so
        // that `[^12]` is found whole. Pieces are collected and joined once (linear time).
        var pendingText: [String] = []
        var pendingStart = SourcePosition(line: 0, column: 0)
        func flushText() {
            guard !pendingText.isEmpty else { return }
            result.append(.text(pendingText.count == 1 ? pendingText[0] : pendingText.joined(), at: pendingStart))
            pendingText.removeAll(keepingCapacity: true)
        }
        for node in children(of: parent) {
            if cmark_node_get_type(node) == CMARK_NODE_TEXT {
                if pendingText.isEmpty { pendingStart = position(node) }
                pendingText.append(string(cmark_node_get_literal(node)))
                continue
            }
            flushText()
            switch cmark_node_get_type(node) {
            case CMARK_NODE_SOFTBREAK: result.append(.softBreak)
            case CMARK_NODE_LINEBREAK: result.append(.lineBreak)
            case CMARK_NODE_CODE: result.append(.code(string(cmark_node_get_literal(node))))
            case CMARK_NODE_HTML_INLINE:
                result.append(.html(string(cmark_node_get_literal(node)), at: position(node)))
            case CMARK_NODE_EMPH: result.append(.emphasis(inlines(under: node, depth: depth + 1)))
            case CMARK_NODE_STRONG: result.append(.strong(inlines(under: node, depth: depth + 1)))
            case CMARK_NODE_LINK:
                result.append(.link(destination: string(cmark_node_get_url(node)),
                                    title: string(cmark_node_get_title(node)),
                                    inlines(under: node, depth: depth + 1)))
            case CMARK_NODE_IMAGE:
                result.append(.image(source: string(cmark_node_get_url(node)),
                                     title: string(cmark_node_get_title(node)),
                                     alt: inlines(under: node, depth: depth + 1)))
            default:
                if typeName(node) == "strikethrough" {
                    result.append(.strikethrough(inlines(under: node, depth: depth + 1)))
                } else {
                    result.append(contentsOf: inlines(under: node, depth: depth))
                }
            }
        }
        flushText()
        return FootnoteReferenceScanner.split(result)
    }

    /// The inlines under `parent` past the depth limit: text, code, breaks and raw HTML in
    /// document order, without emphasis or links around them. A loop, not recursion.
    private mutating func flatInlines(under parent: OpaquePointer) -> [Inline] {
        if cmark_node_first_child(parent) != nil { noteFlattened(parent) }
        var result: [Inline] = []
        var pendingText: [String] = []
        var pendingStart = SourcePosition(line: 0, column: 0)
        func flushText() {
            guard !pendingText.isEmpty else { return }
            result.append(.text(pendingText.count == 1 ? pendingText[0] : pendingText.joined(), at: pendingStart))
            pendingText.removeAll(keepingCapacity: true)
        }
        var pending = Array(children(of: parent).reversed())
        while let node = pending.popLast() {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if pendingText.isEmpty { pendingStart = position(node) }
                pendingText.append(string(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK: flushText(); result.append(.softBreak)
            case CMARK_NODE_LINEBREAK: flushText(); result.append(.lineBreak)
            case CMARK_NODE_CODE: flushText(); result.append(.code(string(cmark_node_get_literal(node))))
            case CMARK_NODE_HTML_INLINE:
                flushText()
                result.append(.html(string(cmark_node_get_literal(node)), at: position(node)))
            default:
                pending.append(contentsOf: children(of: node).reversed())
            }
        }
        flushText()
        return FootnoteReferenceScanner.split(result)
    }
}
