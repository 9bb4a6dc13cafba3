// Reads search records out of rendered page bodies. It walks the same `HTML` trees the pages
// are made of, so every record links to an anchor that exists: a block with an id (paragraph,
// figure, speaker turn) becomes a record, a heading becomes a record and names the section
// of the blocks after it. Note reference markers, and links that are furniture rather than text
// (a paragraph's permalink, an "archived" copy), are left out.

/// Collects the search records of the site, page by page, in reading order.
public struct SearchRecordExtractor: Sendable {
    /// The records collected so far.
    public private(set) var records: [SearchRecord] = []

    /// Elements whose id makes them a record of their own.
    static let recordElements: Set<String> = ["p", "figure", "blockquote", "li", "dd"]
    /// Elements that separate words (so `<li>a</li><li>b</li>` reads "a b").
    static let blockElements: Set<String> = ["p", "figure", "figcaption", "blockquote", "li", "ul", "ol", "dl", "dt",
                                              "dd", "div", "section", "br", "tr", "td", "th", "pre", "h1", "h2", "h3",
                                              "h4", "h5", "h6", "hr", "table"]

    /// Creates an empty collection.
    public init() {}

    /// Adds a record as it is (profiles, abbreviations).
    public mutating func add(_ record: SearchRecord) {
        records.append(record)
    }

    /// Adds records as they are, in their order (a page's records read elsewhere).
    public mutating func add(contentsOf more: [SearchRecord]) {
        records.append(contentsOf: more)
    }

    /// Adds the records of a page body: optionally one for the page itself (`pageText` is its
    /// text, e.g. a description), one per heading and one per block with an id.
    /// - Parameters:
    ///   - path: the page's URL relative to the base path, e.g. `report/introduction/`.
    ///   - pageRecord: whether the page's title gets a record of its own, linking to the page.
    public mutating func addPage(kind: SearchRecord.Kind, title: String, path: String, body: HTML,
                                 pageRecord: Bool = true, pageText: String = "") {
        var walker = Walker()
        walker.walk(body)
        if pageRecord {
            records.append(SearchRecord(kind: kind, title: title, url: path,
                                        text: Self.normalised(pageText + " " + walker.looseText), boosted: [title]))
        }
        for block in walker.blocks {
            let text = Self.normalised(block.text)
            if block.isHeading {
                records.append(SearchRecord(kind: kind, title: title, section: text, url: path + "#" + block.id,
                                            text: "", boosted: [text]))
            } else if !text.isEmpty {
                records.append(SearchRecord(kind: kind, title: title, section: block.section,
                                            url: path + "#" + block.id, text: text))
            }
        }
    }

    /// The plain text of a fragment, as a record's text.
    public static func text(of html: HTML) -> String {
        var walker = Walker()
        walker.walk(html)
        return normalised(([walker.looseText] + walker.blocks.map(\.text)).joined(separator: " "))
    }

    /// Runs of ASCII white space become one space; no space at either end.
    static func normalised(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A block met in a body, in order.
    struct Block {
        var id: String
        var text = ""
        var isHeading = false
        var section: String?
    }

    /// Walks a tree, appending text to the innermost open block.
    struct Walker {
        var blocks: [Block] = []
        var looseText = ""
        var section: String?
        /// Indices in `blocks` of the blocks being walked, innermost last.
        var open: [Int] = []

        mutating func append(_ string: String) {
            if let last = open.last { blocks[last].text += string } else { looseText += string }
        }

        mutating func walk(_ node: HTML) {
            switch node {
            case .text(let string):
                append(string)
            case .fragment(let children):
                for child in children { walk(child) }
            case .element(let name, let attributes, let children):
                if Self.skips(name, attributes) { return }
                let id = attributes.first { $0.name == "id" }?.value
                let isHeading = name.count == 2 && name.hasPrefix("h") && name.last!.isNumber
                let isBlock = SearchRecordExtractor.blockElements.contains(name)
                if isBlock { append(" ") }
                if let id, isHeading || SearchRecordExtractor.recordElements.contains(name) {
                    let index = blocks.count
                    blocks.append(Block(id: id, isHeading: isHeading, section: section))
                    open.append(index)
                    for child in children { walk(child) }
                    open.removeLast()
                    if isHeading { section = SearchRecordExtractor.normalised(blocks[index].text) }
                } else {
                    for child in children { walk(child) }
                }
                if isBlock { append(" ") }
            }
        }

        /// Classes of elements whose text is not part of the text: note markers, permalinks,
        /// archive links, the edition's notice on a figure without its picture.
        static let skippedClasses: Set<Substring> = ["note-ref", "permalink", "archive", "figure-missing"]

        static func skips(_ name: String, _ attributes: [HTML.Attribute]) -> Bool {
            guard name == "sup" || name == "a" || name == "p", let classes = attributes.first(where: { $0.name == "class" })?.value else { return false }
            return classes.split(separator: " ").contains { skippedClasses.contains($0) }
        }
    }
}
