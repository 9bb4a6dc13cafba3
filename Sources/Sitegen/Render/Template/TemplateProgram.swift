// A template compiled for rendering: flat lists of operations, one list per "body" (the
// template itself, each section, each partial and block as it is used), with the literal text
// as bytes, every name resolved to key numbers, the transforms to an enum, and the partials and
// the blocks of parent templates (`{{<layout}}…{{$main}}`) resolved to the bodies they stand
// for. Compiled once per template when the theme is loaded (`TemplateCompiler`); rendered by
// `TemplateRenderer`.

/// A compiled template.
struct TemplateProgram: Sendable {
    /// One step of a body.
    enum Op: Sendable {
        /// Literal bytes `literals[start..<end]`.
        case text(start: Int32, end: Int32)
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
        case variable(lookup: Int32, escaped: Bool)
        /// `{{#name}}…{{/name}}`.
        case section(lookup: Int32, body: Int32)
        /// `{{^name}}…{{/name}}`.
        case inverted(lookup: Int32, body: Int32)
        /// A partial (or a parent template) with its indentation (`indentations`, 0 for none).
        case partial(body: Int32, indentation: Int32)
        /// `{{>*name}}`: the partial the value names (`dynamicPartials[table]`).
        case dynamicPartial(lookup: Int32, table: Int32, indentation: Int32)
        /// A block of a parent template, its override or its default text.
        case block(body: Int32, indentation: Int32)
        /// `{{% CONTENT_TYPE: … }}`.
        case contentType(TemplateContentType)
    }

    /// How a name is found.
    struct Lookup: Sendable {
        enum Root: Sendable {
            /// `{{.}}`: the current context.
            case current
            /// `{{first()}}` and the like: the position in the list being rendered.
            case sequence
            /// `{{.a.b}}`: from the current context only.
            case anchored
            /// `{{a.b}}`: `a` in the nearest context that has it, then `b` in it.
            case stack
        }

        var root: Root
        var path: [Int32]
        /// Applied in this order (the innermost first).
        var transforms: [TemplateTransform]
    }

    var ops: [Op] = []
    /// Each body's operations: `ops[bodies[i].start..<bodies[i].end]`.
    var bodies: [(start: Int32, end: Int32)] = []
    var literals: [UInt8] = []
    var lookups: [Lookup] = []
    /// Indentations of partials and blocks (index 0: none).
    var indentations: [[UInt8]] = [[]]
    /// For each `{{>*name}}`: template name → body.
    var dynamicPartials: [[String: Int32]] = []
    /// The body the template starts with.
    var entry: Int32 = 0
}

/// The transforms of swift-mustache (`{{empty(list)}}`, `{{count(list)}}`, `{{first()}}` …).
enum TemplateTransform: Sendable {
    case empty, count, first, last, reversed, sorted, enumerated
    case capitalized, lowercased, uppercased
    case equalzero, plusone, minusone, even, odd, index
    case unknown

    init(_ name: String) {
        switch name {
        case "empty": self = .empty
        case "count": self = .count
        case "first": self = .first
        case "last": self = .last
        case "reversed": self = .reversed
        case "sorted": self = .sorted
        case "enumerated": self = .enumerated
        case "capitalized": self = .capitalized
        case "lowercased": self = .lowercased
        case "uppercased": self = .uppercased
        case "equalzero": self = .equalzero
        case "plusone": self = .plusone
        case "minusone": self = .minusone
        case "even": self = .even
        case "odd": self = .odd
        case "index": self = .index
        default: self = .unknown
        }
    }
}
