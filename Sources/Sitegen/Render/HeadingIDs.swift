// The first pass of chapter rendering: the texts of a body's headings in the order
// `BodyRenderer` meets them. Heading ids are unique across the whole report (the full-report
// page holds every chapter), so they depend on the chapters before; reading only the headings
// first lets every chapter then be rendered on its own, on any core.

import Foundation
import SitegenMarkdown

enum HeadingIDs {
    /// The text of every heading in `blocks`, in reading order, as `BodyRenderer` makes its id.
    static func texts(_ blocks: [Block]) -> [String] {
        var texts: [String] = []
        collect(blocks, into: &texts)
        return texts
    }

    private static func collect(_ blocks: [Block], into texts: inout [String]) {
        for block in blocks {
            switch block {
            case .heading(_, let inlines, _):
                texts.append(inlines.plainText.trimmingCharacters(in: .whitespaces))
            case .blockQuote(let children, _), .figure(let children, _):
                collect(children, into: &texts)
            case .list(_, _, _, let items, _):
                for item in items { collect(item, into: &texts) }
            case .paragraph, .codeBlock, .htmlBlock, .thematicBreak, .table:
                break
            }
        }
    }
}
