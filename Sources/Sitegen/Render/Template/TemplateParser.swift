// Reads a Mustache template into tokens. This follows swift-mustache 2.x (the engine sitegen
// used before, and the reference its tests compare with) step for step: the same grammar
// (variables, `{{{…}}}` and `{{&…}}`, sections, inverted sections, comments, partials `{{>…}}`
// and `{{>*…}}`, parents `{{<…}}` with blocks `{{$…}}`, set delimiters, the content-type
// pragma, transforms such as `empty(x)`), the same rules for standalone lines and indentation,
// and the same errors at the same line and column, so that a theme renders and fails as it did.
// It reads Characters, as swift-mustache does; it runs once per template, when the theme is
// loaded (`TemplateSet`), never per page.

/// One parsed piece of a template.
indirect enum TemplateToken: Sendable {
    case text(String)
    case variable(name: String, transforms: [String])
    case unescapedVariable(name: String, transforms: [String])
    case section(name: String, transforms: [String], body: TemplateBody)
    case invertedSection(name: String, transforms: [String], body: TemplateBody)
    case blockDefinition(name: String, body: TemplateBody)
    case blockExpansion(name: String, default: TemplateBody, indentation: String?)
    case partial(String, indentation: String?, inherits: [String: TemplateBody]?)
    case dynamicNamePartial(String, indentation: String?, inherits: [String: TemplateBody]?)
    case contentType(TemplateContentType)
}

/// The tokens of a template or of a section, a block or a parent's body. A class, so that a
/// body has an identity (the compiler keys the partials it resolves by the blocks they inherit).
final class TemplateBody: Sendable {
    let tokens: [TemplateToken]
    init(_ tokens: [TemplateToken]) { self.tokens = tokens }
}

/// How `{{…}}` escapes values: the byte-level HTML escaping (what every template starts with),
/// swift-mustache's Character-level HTML escaping, or none (`{{% CONTENT_TYPE: TEXT }}`).
enum TemplateContentType: UInt8, Sendable {
    case sitegenHTML
    case html
    case text

    /// The names the pragma `{{% CONTENT_TYPE: name }}` accepts.
    static func named(_ name: String) -> TemplateContentType? {
        switch name {
        case "SITEGEN_HTML": return .sitegenHTML
        case "HTML": return .html
        case "TEXT": return .text
        default: return nil
        }
    }
}

/// A syntax error of a template: what is wrong, and where (line and column count from 1).
struct TemplateSyntaxError: Error, Sendable {
    enum Kind: Error, Sendable {
        case sectionCloseNameIncorrect
        case unfinishedName
        case expectedSectionEnd
        case invalidSetDelimiter
        case transformAppliedToInheritanceSection
        case illegalTokenInsideInheritSection
        case textInsideInheritSection
        case invalidConfigVariableSyntax
        case unrecognisedConfigVariable
        /// The text ended inside a tag.
        case overflow
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// The text of the line the error is on.
    var lineText: String
}

/// The parser: a cursor over the template's Characters.
struct TemplateParser {
    private let chars: [Character]
    private var position = 0

    private init(_ text: String) {
        chars = Array(text)
    }

    /// Parses `text` into tokens.
    static func parse(_ text: String) throws(TemplateSyntaxError) -> TemplateBody {
        var parser = TemplateParser(text)
        do {
            return try parser.parse(state: State())
        } catch {
            throw parser.syntaxError(error)
        }
    }

    // MARK: State

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: String?

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }

        func withDelimiters(start: [Character], end: [Character]) -> State {
            var state = self
            state.startDelimiter = start
            state.endDelimiter = end
            state.isPartialDefinitionTopLevel = false
            return state
        }
    }

    private typealias Kind = TemplateSyntaxError.Kind

    // MARK: Grammar

    private mutating func parse(state initial: State) throws(Kind) -> TemplateBody {
        var tokens: [TemplateToken] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(while: { $0 == " " || $0 == "\t" })
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(state: state)
            if current.isNewline {
                tokens.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try parseName(state: state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let body = try parse(state: state.withSectionName(name, newLine: setNewLine, transforms: transforms))
                tokens.append(inverted ? .invertedSection(name: name, transforms: transforms, body: body)
                                       : .section(name: name, transforms: transforms, body: body))

            case "/":
                position += 1
                let start = position
                let (name, transforms) = try parseName(state: state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = start
                    throw .sectionCloseNameIncorrect
                }
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                return TemplateBody(tokens)

            case "!":
                position += 1
                try parseComment(state: state)
                setNewLine = isStandalone(state)

            case "{", "&":
                // `{{{name}}}` and `{{&name}}`: the same unescaped variable; the first needs its third brace.
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                position += 1
                let (name, transforms) = try parseName(state: state)
                if triple { guard try read("}") else { throw .unfinishedName } }
                tokens.append(.unescapedVariable(name: name, transforms: transforms))

            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                var dynamic = false
                if current == "*" {
                    position += 1
                    dynamic = true
                }
                let name = try parsePartialName(state: state)
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                let indentation: String? = isStandalone(state) ? whiteSpaceBefore : nil
                if indentation != nil { setNewLine = true }
                tokens.append(dynamic ? .dynamicNamePartial(name, indentation: indentation, inherits: nil)
                                      : .partial(name, indentation: indentation, inherits: nil))
                whiteSpaceBefore = ""

            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state: state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state: state.withInheritancePartial(sectionName))
                var inherits: [String: TemplateBody] = [:]
                for token in body.tokens {
                    switch token {
                    case .blockDefinition(let name, let block): inherits[name] = block
                    case .text: break
                    default: throw .illegalTokenInsideInheritSection
                    }
                }
                tokens.append(dynamic ? .dynamicNamePartial(name, indentation: whiteSpaceBefore, inherits: inherits)
                                      : .partial(name, indentation: whiteSpaceBefore, inherits: inherits))
                whiteSpaceBefore = ""

            case "$":
                position += 1
                let (name, transforms) = try parseName(state: state)
                guard transforms.isEmpty else { throw .transformAppliedToInheritanceSection }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockDefinition(name: name, body: body))
                } else {
                    if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockExpansion(name: name, default: body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }

            case "=":
                position += 1
                state = try parseSetDelimiter(state: state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                tokens.append(.contentType(try readConfigVariable(state: state)))
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let (name, transforms) = try parseName(state: state)
                tokens.append(.variable(name: name, transforms: transforms))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw .expectedSectionEnd }
        return TemplateBody(tokens)
    }

    /// Text up to the start delimiter (which is read) or a line break (which is not).
    private mutating func readUntilDelimiterOrNewline(state: State) throws(Kind) -> String {
        guard let first = state.startDelimiter.first else { return "" }
        var total = ""
        while !reachedEnd {
            let start = position
            while !reachedEnd, chars[position] != "\n", chars[position] != "\r\n", chars[position] != first {
                position += 1
            }
            total += String(chars[start..<position])
            if current.isNewline {
                break
            } else if current == first {
                if try read(string: state.startDelimiter) { break }
                total.append(first)
                position += 1
            }
        }
        return total
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameCharactersWithBrackets = nameCharacters.union(["(", ")"])
    private static let partialNameCharacters = nameCharactersWithBrackets.union(["/"])

    /// A tag's name and the transforms applied to it (`empty(x)` gives `x` and `["empty"]`).
    private mutating func parseName(state: State) throws(Kind) -> (String, [String]) {
        _ = read(while: \.isWhitespace)
        let text = read(while: { Self.nameCharactersWithBrackets.contains($0) })
        _ = read(while: \.isWhitespace)
        guard try read(string: state.endDelimiter) else { throw .unfinishedName }
        let characters = Array(text)
        var index = 0
        func readName() -> String {
            let start = index
            while index < characters.count, Self.nameCharacters.contains(characters[index]) { index += 1 }
            return String(characters[start..<index])
        }
        let first = readName()
        guard index < characters.count else { return (text, []) }
        guard characters[index] == "(" else { throw .unfinishedName }
        index += 1
        var transforms = [first]
        while true {
            let name = readName()
            let next: Character = index < characters.count ? characters[index] : "\0"
            switch next {
            case ")":
                index += 1
                var closing = 0
                while index < characters.count, characters[index] == ")" {
                    index += 1
                    closing += 1
                }
                guard closing + 1 == transforms.count, index == characters.count else { throw .unfinishedName }
                return (name, transforms)
            case "(":
                index += 1
                transforms.append(name)
            default:
                throw .unfinishedName
            }
        }
    }

    private mutating func parsePartialName(state: State) throws(Kind) -> String {
        _ = read(while: \.isWhitespace)
        let text = read(while: { Self.partialNameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        guard try read(string: state.endDelimiter) else { throw .unfinishedName }
        return text
    }

    /// Skips a comment up to and including the end delimiter.
    private mutating func parseComment(state: State) throws(Kind) {
        let delimiter = state.endDelimiter
        let start = position
        var matched = 0
        while !reachedEnd {
            if chars[position] == delimiter[matched] {
                matched += 1
                if matched == delimiter.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw .overflow
    }

    private mutating func parseSetDelimiter(state: State) throws(Kind) -> State {
        _ = read(while: \.isWhitespace)
        guard let start = read(until: \.isWhitespace) else { throw .invalidSetDelimiter }
        _ = read(while: \.isWhitespace)
        guard let end = read(until: { $0 == "=" || $0.isWhitespace }) else { throw .invalidSetDelimiter }
        _ = read(while: \.isWhitespace)
        guard try read("=") else { throw .invalidSetDelimiter }
        guard try read(string: state.endDelimiter) else { throw .invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw .invalidSetDelimiter }
        return state.withDelimiters(start: start, end: end)
    }

    private mutating func readConfigVariable(state: State) throws(Kind) -> TemplateContentType {
        let variable: String
        let value: String
        do {
            _ = read(while: \.isWhitespace)
            variable = read(while: { Self.nameCharacters.contains($0) })
            _ = read(while: \.isWhitespace)
            guard try read(":") else { throw Kind.invalidConfigVariableSyntax }
            _ = read(while: \.isWhitespace)
            value = read(while: { Self.nameCharacters.contains($0) })
            _ = read(while: \.isWhitespace)
            guard try read(string: state.endDelimiter) else { throw Kind.invalidConfigVariableSyntax }
        } catch {
            throw .invalidConfigVariableSyntax
        }
        guard !variable.isEmpty, !value.isEmpty else { throw .invalidConfigVariableSyntax }
        guard variable == "CONTENT_TYPE", let type = TemplateContentType.named(value) else {
            throw .unrecognisedConfigVariable
        }
        return type
    }

    /// Whether the rest of the line is blank; if so, it is read, with its line break.
    private mutating func hasLineFinished() -> Bool {
        if reachedEnd { return true }
        var probe = position
        while probe < chars.count, chars[probe] == " " || chars[probe] == "\t" { probe += 1 }
        if probe < chars.count, chars[probe].isNewline {
            position = probe + 1
            return true
        }
        return false
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        state.newLine && hasLineFinished()
    }

    // MARK: Cursor

    private var reachedEnd: Bool { position == chars.count }
    private var current: Character { reachedEnd ? "\0" : chars[position] }

    /// Reads `character` if it is next; throws at the end of the text.
    private mutating func read(_ character: Character) throws(Kind) -> Bool {
        guard !reachedEnd else { throw .overflow }
        guard chars[position] == character else { return false }
        position += 1
        return true
    }

    /// Reads `string` if it comes next; throws when fewer characters are left.
    private mutating func read(string: [Character]) throws(Kind) -> Bool {
        guard !string.isEmpty else { return true }
        guard chars.count - position >= string.count else { throw .overflow }
        guard chars[position..<(position + string.count)].elementsEqual(string) else { return false }
        position += string.count
        return true
    }

    private mutating func read(while predicate: (Character) -> Bool) -> String {
        let start = position
        while !reachedEnd, predicate(chars[position]) { position += 1 }
        return String(chars[start..<position])
    }

    /// The characters up to one matching `predicate`, or nil (and nothing read) if none does.
    private mutating func read(until predicate: (Character) -> Bool) -> [Character]? {
        let start = position
        while !reachedEnd {
            if predicate(chars[position]) { return Array(chars[start..<position]) }
            position += 1
        }
        position = start
        return nil
    }

    /// The error at the current position, with swift-mustache's line and column.
    private func syntaxError(_ kind: Kind) -> TemplateSyntaxError {
        var start = position
        var column = 0
        while start > 0 {
            start -= 1
            if chars[start] == "\n" { break }
            column += 1
        }
        if start < chars.count, chars[start] == "\n" { start += 1 }
        var end = start
        while end < chars.count, chars[end] != "\n" { end += 1 }
        let line = chars[0..<position].filter(\.isNewline).count + 1
        return TemplateSyntaxError(kind: kind, line: line, column: column + 1, lineText: String(chars[start..<end]))
    }
}
