// Compiles a parsed template, with the templates of its theme for its partials, into a
// `TemplateProgram`. Partials are resolved here: each partial, with the blocks it inherits
// from the parents around it, becomes one body, compiled once (a partial that includes itself
// calls the body being compiled). A parent's blocks are resolved where they are used: to the
// override of the template that extends the parent (the outermost override wins, as in
// swift-mustache), or to the block's own text.

/// Builds one template's program.
struct TemplateCompiler {
    /// Every template of the theme, by name.
    let templates: [String: TemplateBody]
    private var program = TemplateProgram()
    /// Bodies of partials already compiled, by name and the blocks they inherit.
    private var partials: [String: Int32] = [:]
    private var lookupIndex: [String: Int32] = [:]
    /// Blocks being compiled, innermost last: a block whose override uses the same block
    /// again would never end (swift-mustache recurses until the stack overflows).
    private var openBlocks: [ObjectIdentifier] = []

    private init(templates: [String: TemplateBody]) {
        self.templates = templates
    }

    /// The program of `body` (a template of `templates`).
    static func compile(_ body: TemplateBody, templates: [String: TemplateBody]) -> TemplateProgram {
        var compiler = TemplateCompiler(templates: templates)
        compiler.program.entry = compiler.compile(body, inherited: Inherited())
        return compiler.program
    }

    /// Blocks a body inherits: name → the override's body.
    private struct Inherited {
        var blocks: [String: TemplateBody] = [:]

        /// Identifies the set of overrides (a key for compiled partials).
        var key: String {
            blocks.map { "\($0.key)=\(UInt(bitPattern: ObjectIdentifier($0.value)))" }.sorted().joined(separator: ",")
        }

        /// With the blocks of a parent's body added, the ones already here winning.
        func merging(_ inherits: [String: TemplateBody]?) -> Inherited {
            guard let inherits else { return self }
            var merged = self
            merged.blocks.merge(inherits) { outer, _ in outer }
            return merged
        }
    }

    private mutating func reserveBody() -> Int32 {
        program.bodies.append((0, 0))
        return Int32(program.bodies.count - 1)
    }

    private mutating func compile(_ body: TemplateBody, inherited: Inherited) -> Int32 {
        let index = reserveBody()
        fill(index, body, inherited: inherited)
        return index
    }

    private mutating func fill(_ index: Int32, _ body: TemplateBody, inherited: Inherited) {
        var ops: [TemplateProgram.Op] = []
        ops.reserveCapacity(body.tokens.count)
        for token in body.tokens {
            switch token {
            case .text(let text):
                let start = Int32(program.literals.count)
                program.literals.append(contentsOf: text.utf8)
                ops.append(.text(start: start, end: Int32(program.literals.count)))
            case .variable(let name, let transforms):
                ops.append(.variable(lookup: lookup(name, transforms), escaped: true))
            case .unescapedVariable(let name, let transforms):
                ops.append(.variable(lookup: lookup(name, transforms), escaped: false))
            case .section(let name, let transforms, let section):
                let lookup = lookup(name, transforms)
                ops.append(.section(lookup: lookup, body: compile(section, inherited: inherited)))
            case .invertedSection(let name, let transforms, let section):
                let lookup = lookup(name, transforms)
                ops.append(.inverted(lookup: lookup, body: compile(section, inherited: inherited)))
            case .blockDefinition:
                // Only inside a parent's body, which is read into `inherits` by the parser.
                break
            case .blockExpansion(let name, let defaultBody, let indentation):
                let chosen = inherited.blocks[name] ?? defaultBody
                guard !openBlocks.contains(ObjectIdentifier(chosen)) else { continue }
                openBlocks.append(ObjectIdentifier(chosen))
                let block = compile(chosen, inherited: inherited)
                openBlocks.removeLast()
                ops.append(.block(body: block, indentation: self.indentation(indentation)))
            case .partial(let name, let indentation, let inherits):
                // A partial the theme lacks renders nothing.
                guard let partial = partial(name, inherited: inherited.merging(inherits)) else { continue }
                ops.append(.partial(body: partial, indentation: self.indentation(indentation)))
            case .dynamicNamePartial(let name, let indentation, let inherits):
                let merged = inherited.merging(inherits)
                var table: [String: Int32] = [:]
                for template in templates.keys.sorted() { table[template] = partial(template, inherited: merged) }
                program.dynamicPartials.append(table)
                ops.append(.dynamicPartial(lookup: lookup(name, []), table: Int32(program.dynamicPartials.count - 1),
                                           indentation: self.indentation(indentation)))
            case .contentType(let type):
                ops.append(.contentType(type))
            }
        }
        let start = Int32(program.ops.count)
        program.ops += ops
        program.bodies[Int(index)] = (start, Int32(program.ops.count))
    }

    /// The body of the partial `name` inheriting `inherited` (compiled on first use).
    private mutating func partial(_ name: String, inherited: Inherited) -> Int32? {
        guard let template = templates[name] else { return nil }
        let key = name + "|" + inherited.key
        if let body = partials[key] { return body }
        let index = reserveBody()
        partials[key] = index
        fill(index, template, inherited: inherited)
        return index
    }

    private mutating func indentation(_ text: String?) -> Int32 {
        guard let text, !text.isEmpty else { return 0 }
        program.indentations.append(Array(text.utf8))
        return Int32(program.indentations.count - 1)
    }

    /// The lookup of a name as swift-mustache reads it: `.` is the current context, a name
    /// starting with `.` is read from the current context only, an empty name with transforms
    /// is the position in the list, and empty segments (`a..b`) are skipped.
    private mutating func lookup(_ name: String, _ transforms: [String]) -> Int32 {
        let id = name + "|" + transforms.joined(separator: ",")
        if let index = lookupIndex[id] { return index }
        let path = name.split(separator: ".").map { TemplateKey(String($0)).id }
        let root: TemplateProgram.Lookup.Root
        if name == "." {
            root = .current
        } else if name.isEmpty, !transforms.isEmpty {
            root = .sequence
        } else if name.first == "." {
            root = .anchored
        } else {
            root = path.isEmpty ? .current : .stack
        }
        program.lookups.append(.init(root: root, path: root == .current ? [] : path,
                                     transforms: transforms.reversed().map(TemplateTransform.init)))
        let index = Int32(program.lookups.count - 1)
        lookupIndex[id] = index
        return index
    }
}
