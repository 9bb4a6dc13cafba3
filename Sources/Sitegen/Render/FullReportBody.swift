// The full-report page holds every chapter body as the chapter page shows it, but without
// the paragraphs' permalinks and with every heading one level deeper (the chapter's title is
// the section's `h2`). Rather than rendering each chapter a second time (mention matching,
// abbreviations and snippets all over again), the chapter page's tree is rewritten: the
// permalink that closes a paragraph is dropped and the headings `BodyRenderer` met are renamed.
// Everything else (ids, mentions, notes, abbreviations) is the same on both pages.

/// Derives the full-report rendition of a chapter body from its chapter-page rendition.
enum FullReportBody {
    /// `html` (rendered by `BodyRenderer` with `permalinks` on and `headingShift` 0) as
    /// `BodyRenderer` renders it with `permalinks` off and `headingShift` = `shift`.
    /// `headings` are the headings that renderer met (`BodyRenderer.headings`).
    static func variant(of html: HTML, headings: [HeadingItem], shift: Int = 1) -> HTML {
        var levels: [String: Int] = [:]
        levels.reserveCapacity(headings.count)
        for heading in headings { levels[heading.id] = heading.level }
        return rewrite(html, levels: levels, shift: shift)
    }

    private static func rewrite(_ node: HTML, levels: [String: Int], shift: Int) -> HTML {
        switch node {
        case .text:
            return node
        case .fragment(let children):
            return .fragment(children.map { rewrite($0, levels: levels, shift: shift) })
        case .element(let name, let attributes, let children):
            switch name {
            case "p":
                // Inline content only: the permalink, when there is one, is its last child.
                guard let id = attributes.first(where: { $0.name == "id" })?.value,
                      children.count >= 2, isPermalink(children[children.count - 1], to: id),
                      children[children.count - 2] == .text(" ") else { return node }
                return .element(name, attributes, Array(children.dropLast(2)))
            case "h2", "h3", "h4", "h5", "h6":
                guard let id = attributes.first(where: { $0.name == "id" })?.value, let level = levels[id] else { return node }
                return .element("h\(min(6, max(2, level + shift)))", attributes, children)
            case "pre", "hr", "br", "img", "code":
                return node
            default:
                return .element(name, attributes, children.map { rewrite($0, levels: levels, shift: shift) })
            }
        }
    }

    /// Whether `node` is the permalink `BodyRenderer` closes paragraph `id` with.
    private static func isPermalink(_ node: HTML, to id: String) -> Bool {
        guard case .element("a", let attributes, let children) = node, children == [.text("¶")],
              attributes.count == 3, attributes[0].name == "href", attributes[0].value == "#" + id,
              attributes[1].name == "class", attributes[1].value == "permalink" else { return false }
        return true
    }
}
