// Runs a compiled template (`TemplateProgram`) over a value (`TemplateValue`) into a byte
// buffer, with swift-mustache's semantics, which sitegen's pages were made with and which its
// tests compare with byte for byte:
// - a name not found in the current context is looked up in the enclosing ones, from the
//   innermost out; `a.b` finds `a` that way, then `b` in it only;
// - a section renders once for `true`, once per item for a non-empty list (each item the new
//   context), once with the value as the context for anything else that is there (an empty
//   string and zero included), and not at all for `false`, an empty list or a missing value;
//   an inverted section renders exactly when the section would not, with an empty list as the
//   context when it is one;
// - `{{…}}` prints numbers in decimal and booleans as `true` / `false`, escaped as the content
//   type says (the byte-level HTML escaping unless the template sets another);
// - inside an indented partial or block, each token whose output is not empty and follows a
//   line break of the same body is preceded by the indentation (swift-mustache's rule, which
//   is per token rather than per line).

import Foundation

/// Renders compiled templates into bytes.
struct TemplateRenderer {
    private let ops: UnsafeBufferPointer<TemplateProgram.Op>
    private let literals: UnsafeBufferPointer<UInt8>
    private let program: TemplateProgram
    private var indentations: [[UInt8]]
    private var stack: [TemplateValue] = []
    /// The output.
    var out: [UInt8]

    private struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    private struct Frame {
        var position: Position?
        var indentation: Int32
        var contentType: TemplateContentType
    }

    /// Renders `value` with `program`, appending to `out`.
    static func render(_ program: TemplateProgram, _ value: TemplateValue, into out: inout [UInt8]) {
        program.ops.withUnsafeBufferPointer { ops in
            program.literals.withUnsafeBufferPointer { literals in
                var renderer = TemplateRenderer(ops: ops, literals: literals, program: program,
                                                indentations: program.indentations, out: out)
                out = []
                renderer.stack.reserveCapacity(8)
                renderer.stack.append(value)
                renderer.run(program.entry, Frame(position: nil, indentation: 0, contentType: .sitegenHTML))
                out = renderer.out
            }
        }
    }

    private init(ops: UnsafeBufferPointer<TemplateProgram.Op>, literals: UnsafeBufferPointer<UInt8>,
                 program: TemplateProgram, indentations: [[UInt8]], out: [UInt8]) {
        self.ops = ops
        self.literals = literals
        self.program = program
        self.indentations = indentations
        self.out = out
    }

    /// Renders one body (swift-mustache's `MustacheTemplate.render(context:)`).
    private mutating func run(_ body: Int32, _ frame: Frame) {
        let range = program.bodies[Int(body)]
        var contentType = frame.contentType
        if frame.indentation == 0 {
            for index in Int(range.start)..<Int(range.end) { step(ops[index], frame, &contentType) }
            return
        }
        let start = out.count
        for index in Int(range.start)..<Int(range.end) {
            let before = out.count
            // The body's own text so far ends with "\n" (as one Character: not "\r\n").
            let afterLineBreak = before > start && out[before - 1] == 10 && !(before - 2 >= start && out[before - 2] == 13)
            step(ops[index], frame, &contentType)
            if afterLineBreak, out.count > before {
                out.insert(contentsOf: indentations[Int(frame.indentation)], at: before)
            }
        }
    }

    @inline(__always)
    private mutating func step(_ op: TemplateProgram.Op, _ frame: Frame, _ contentType: inout TemplateContentType) {
        switch op {
        case .text(let start, let end):
            out.append(contentsOf: UnsafeBufferPointer(rebasing: literals[Int(start)..<Int(end)]))
        case .variable(let lookup, let escaped):
            guard let value = resolve(lookup, frame) else { return }
            write(value, escaping: escaped ? contentType : .text)
        case .section(let lookup, let body):
            switch resolve(lookup, frame) {
            case nil, .bool(false)?:
                return
            case .bool(true)?:
                run(body, Frame(position: frame.position, indentation: frame.indentation, contentType: contentType))
            case .list(let items, _)?:
                guard !items.isEmpty else { return }
                var position = Position(first: true, last: false, index: 0)
                for (offset, item) in items.enumerated() {
                    position.last = offset == items.count - 1
                    stack.append(item)
                    run(body, Frame(position: position, indentation: frame.indentation, contentType: contentType))
                    stack.removeLast()
                    position.first = false
                    position.index += 1
                }
            case let value?:
                stack.append(value)
                run(body, Frame(position: nil, indentation: frame.indentation, contentType: contentType))
                stack.removeLast()
            }
        case .inverted(let lookup, let body):
            switch resolve(lookup, frame) {
            case nil, .bool(false)?:
                run(body, Frame(position: frame.position, indentation: frame.indentation, contentType: contentType))
            case .list(let items, let strings)? where items.isEmpty:
                stack.append(.list(items, strings: strings))
                run(body, Frame(position: nil, indentation: frame.indentation, contentType: contentType))
                stack.removeLast()
            default:
                return
            }
        case .partial(let body, let indentation):
            // A partial starts with the byte-level HTML escaping (every template does).
            run(body, Frame(position: nil, indentation: indent(frame.indentation, indentation), contentType: .sitegenHTML))
        case .dynamicPartial(let lookup, let table, let indentation):
            guard case .text(let name)? = resolve(lookup, frame),
                  let body = program.dynamicPartials[Int(table)][name] else { return }
            run(body, Frame(position: nil, indentation: indent(frame.indentation, indentation), contentType: .sitegenHTML))
        case .block(let body, let indentation):
            run(body, Frame(position: nil, indentation: indent(frame.indentation, indentation), contentType: contentType))
        case .contentType(let type):
            contentType = type
        }
    }

    /// The indentation of a partial or block inside a body indented by `outer`.
    private mutating func indent(_ outer: Int32, _ own: Int32) -> Int32 {
        if own == 0 { return outer }
        if outer == 0 { return own }
        indentations.append(indentations[Int(outer)] + indentations[Int(own)])
        return Int32(indentations.count - 1)
    }

    // MARK: Values

    private func resolve(_ index: Int32, _ frame: Frame) -> TemplateValue? {
        let lookup = program.lookups[Int(index)]
        var value: TemplateValue
        var transforms = lookup.transforms[...]
        switch lookup.root {
        case .current:
            value = stack[stack.count - 1]
        case .anchored:
            value = stack[stack.count - 1]
            for key in lookup.path {
                guard case .object(let object) = value, let child = object.value(key) else { return nil }
                value = child
            }
        case .stack:
            let first = lookup.path[0]
            var found: TemplateValue?
            for depth in stride(from: stack.count - 1, through: 0, by: -1) {
                if case .object(let object) = stack[depth], let child = object.value(first) {
                    found = child
                    break
                }
            }
            guard var child = found else { return nil }
            for key in lookup.path.dropFirst() {
                guard case .object(let object) = child, let next = object.value(key) else { return nil }
                child = next
            }
            value = child
        case .sequence:
            guard let position = frame.position, let transform = transforms.popFirst() else { return nil }
            switch transform {
            case .first: value = .bool(position.first)
            case .last: value = .bool(position.last)
            case .index: value = .int(position.index)
            case .even: value = .bool(position.index & 1 == 0)
            case .odd: value = .bool(position.index & 1 == 1)
            default: return nil
            }
        }
        for transform in transforms {
            guard let transformed = Self.apply(transform, to: value) else { return nil }
            value = transformed
        }
        return value
    }

    /// swift-mustache's transforms, for the types it defines them on (nil elsewhere).
    static func apply(_ transform: TemplateTransform, to value: TemplateValue) -> TemplateValue? {
        switch (value, transform) {
        case (.text(let text), .empty): return .bool(text.isEmpty)
        case (.text(let text), .capitalized): return .text(text.capitalized)
        case (.text(let text), .lowercased): return .text(text.lowercased())
        case (.text(let text), .uppercased): return .text(text.uppercased())
        case (.text(let text), .reversed): return .text(String(text.reversed()))
        case (.list(let items, _), .first): return items.first
        case (.list(let items, _), .last): return items.last
        case (.list(let items, let strings), .reversed): return .list(items.reversed(), strings: strings)
        case (.list(let items, _), .count): return .int(items.count)
        case (.list(let items, _), .empty): return .bool(items.isEmpty)
        case (.list(let items, true), .sorted):
            return .strings(items.map { if case .text(let text) = $0 { text } else { "" } }.sorted())
        case (.object(let object), .count): return .int(object.count)
        case (.object(let object), .empty): return .bool(object.count == 0)
        case (.object(let object), .enumerated), (.object(let object), .sorted):
            var entries = zip(object.names, object.values).map { ($0, $1) }
            if transform == .sorted { entries.sort { $0.0 < $1.0 } }
            return .list(entries.map { name, value in
                var entry = TemplateObject(capacity: 2)
                entry.append(TemplateKey("key"), .text(name))
                entry.append(TemplateKey("value"), value)
                return .object(entry)
            }, strings: false)
        case (.int(let int), .equalzero): return .bool(int == 0)
        case (.int(let int), .plusone): return .int(int + 1)
        case (.int(let int), .minusone): return .int(int - 1)
        case (.int(let int), .even): return .bool(int & 1 == 0)
        case (.int(let int), .odd): return .bool(int & 1 == 1)
        default: return nil
        }
    }

    private mutating func write(_ value: TemplateValue, escaping: TemplateContentType) {
        switch value {
        case .text(let text):
            write(text, escaping: escaping)
        case .bool(let bool):
            out.append(contentsOf: bool ? Self.trueBytes : Self.falseBytes)
        case .int(let int):
            write(String(int), escaping: escaping)
        case .list, .object:
            write(String(describing: value.anyValue), escaping: escaping)
        }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    private mutating func write(_ text: String, escaping: TemplateContentType) {
        switch escaping {
        case .text:
            out.append(contentsOf: text.utf8)
        case .sitegenHTML:
            HTMLEscaping.append(text, to: &out)
        case .html:
            out.append(contentsOf: HTMLEscaping.characterEscaped(text).utf8)
        }
    }
}
