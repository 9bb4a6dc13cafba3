// Read-only walks over the tree in document order, shared by every stage that needs to
// find something in the text (note references, editorial notes, links).

extension Block {
    /// The inline runs of this block and its descendants, in document order. Table cells and
    /// figure captions are included; code blocks and raw HTML are not.
    public var inlineRuns: [[Inline]] {
        switch self {
        case .paragraph(let inlines, _), .heading(_, let inlines, _): return [inlines]
        case .blockQuote(let blocks, _), .figure(let blocks, _): return blocks.flatMap(\.inlineRuns)
        case .list(_, _, _, let items, _): return items.flatMap { $0.flatMap(\.inlineRuns) }
        case .table(_, let rows, _): return rows.flatMap { $0 }
        case .codeBlock, .htmlBlock, .thematicBreak: return []
        }
    }
}

extension Inline {
    /// Calls `visit` for this inline and every inline inside it, in document order.
    public func forEach(_ visit: (Inline) -> Void) {
        visit(self)
        switch self {
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c):
            for child in c { child.forEach(visit) }
        default: break
        }
    }
}

extension Array where Element == Block {
    /// Every footnote reference in these blocks, in document order.
    public var footnoteReferences: [(label: String, at: SourcePosition)] {
        var result: [(label: String, at: SourcePosition)] = []
        for run in flatMap(\.inlineRuns) {
            for inline in run {
                inline.forEach {
                    if case .footnoteReference(let label, let at) = $0 { result.append((label, at)) }
                }
            }
        }
        return result
    }
}
