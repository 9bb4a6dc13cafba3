// Walks a cmark-gfm node tree and builds `Block` and `Inline` values. Runs while the
// parser lock is held; the caller frees the tree afterwards.

import CCmarkGFM

struct CmarkConverter {
    let lineOffset: Int

    func blocks(under parent: OpaquePointer) -> [Block] {
        children(of: parent).compactMap(block)
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

    private func block(_ node: OpaquePointer) -> Block? {
        let at = position(node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(under: node), at: at)
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node), at: at)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(under: node), at: at)
        case CMARK_NODE_LIST:
            let items = children(of: node).map { blocks(under: $0) }
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
            if typeName(node) == "table" { return table(node, at: at) }
            // Unknown block kinds (none are enabled) keep their text as a paragraph.
            let content = inlines(under: node)
            return content.isEmpty ? nil : .paragraph(content, at: at)
        }
    }

    private func table(_ node: OpaquePointer, at: SourcePosition) -> Block {
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
        let rows = children(of: node).map { row in children(of: row).map { inlines(under: $0) } }
        return .table(alignments: alignments, rows: rows, at: at)
    }

    private func inlines(under parent: OpaquePointer) -> [Inline] {
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
            case CMARK_NODE_EMPH: result.append(.emphasis(inlines(under: node)))
            case CMARK_NODE_STRONG: result.append(.strong(inlines(under: node)))
            case CMARK_NODE_LINK:
                result.append(.link(destination: string(cmark_node_get_url(node)),
                                    title: string(cmark_node_get_title(node)),
                                    inlines(under: node)))
            case CMARK_NODE_IMAGE:
                result.append(.image(source: string(cmark_node_get_url(node)),
                                     title: string(cmark_node_get_title(node)),
                                     alt: inlines(under: node)))
            default:
                if typeName(node) == "strikethrough" {
                    result.append(.strikethrough(inlines(under: node)))
                } else {
                    result.append(contentsOf: inlines(under: node))
                }
            }
        }
        flushText()
        return FootnoteReferenceScanner.split(result)
    }
}
