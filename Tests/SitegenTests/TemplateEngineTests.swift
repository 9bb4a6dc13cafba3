// The corners of Mustache where engines differ, each rendered by sitegen's engine and by
// swift-mustache (the reference, `MustacheReference`), which must agree byte for byte; the
// cases that matter most also state the expected text. Syntax errors must be reported at the
// same line and column, with the same message, as sitegen reported them through swift-mustache.

import Foundation
import Mustache
import Testing
@testable import Sitegen

struct TemplateCase: CustomTestStringConvertible, Sendable {
    var name: String
    var templates: [String: String]
    var data: @Sendable () -> Any
    var expected: String?
    var testDescription: String { name }

    init(_ name: String, _ template: String, partials: [String: String] = [:],
         _ data: @escaping @Sendable () -> Any, expect expected: String? = nil) {
        self.name = name
        self.templates = partials.merging(["main": template]) { _, new in new }
        self.data = data
        self.expected = expected
    }
}

struct TemplateEngineTests {
    static let cases: [TemplateCase] = [
        TemplateCase("standalone section lines", "a\n  {{#b}}\n  x\n  {{/b}}\nc", { ["b": true] }, expect: "a\n  x\nc"),
        TemplateCase("standalone lines with CRLF", "a\r\n  {{#b}}\r\n  x\r\n  {{/b}}\r\nc", { ["b": true] }, expect: "a\r\n  x\r\nc"),
        TemplateCase("tag not alone on its line", "a {{#b}}\nx\n{{/b}} c", { ["b": true] }, expect: "a \nx\n c"),
        TemplateCase("standalone comment and set delimiters", "a\n  {{! note }}\n{{=<% %>=}}\n<% x %>\n<%={{ }}=%>\n{{x}}", { ["x": "1"] },
                     expect: "a\n1\n1"),
        TemplateCase("nested sections read outer names", "{{#a}}{{#b}}{{c}}|{{a.d}}{{/b}}{{/a}}",
                     { ["a": ["b": ["x": 1] as [String: Any], "d": "D"] as [String: Any], "c": "top"] }, expect: "top|D"),
        TemplateCase("dotted names do not fall back to outer contexts", "{{#a}}[{{b.c}}]{{/a}}",
                     { ["a": ["b": ["x": 1] as [String: Any]] as [String: Any], "b": ["c": "outer"] as [String: Any]] }, expect: "[]"),
        TemplateCase("a leading dot reads the current context only", "{{#a}}[{{.c}}|{{c}}]{{/a}}",
                     { ["a": ["x": 1] as [String: Any], "c": "outer"] }, expect: "[|outer]"),
        TemplateCase("lists, booleans, empty strings and zero in sections",
                     "{{#l}}<{{.}}>{{/l}}|{{#t}}T{{/t}}{{#f}}F{{/f}}|{{#e}}E[{{.}}]{{/e}}|{{#z}}Z{{.}}{{/z}}|{{#m}}M{{/m}}|{{#n}}N{{/n}}",
                     { ["l": ["a", "b"], "t": true, "f": false, "e": "", "z": 0, "n": [Any]()] as [String: Any] }, expect: "<a><b>|T|E[]|Z0||"),
        TemplateCase("inverted sections",
                     "{{^l}}L{{/l}}{{^n}}N{{count(.)}}{{/n}}{{^t}}T{{/t}}{{^f}}F{{/f}}{{^e}}E{{/e}}{{^z}}Z{{/z}}{{^m}}M{{/m}}",
                     { ["l": ["a"], "n": [Any](), "t": true, "f": false, "e": "", "z": 0] as [String: Any] }, expect: "N0FM"),
        TemplateCase("numbers and booleans", "{{n}} {{m}} {{t}} {{f}}", { ["n": 42, "m": -7, "t": true, "f": false] as [String: Any] },
                     expect: "42 -7 true false"),
        TemplateCase("escaping", "{{x}}|{{{x}}}|{{&x}}", { ["x": "<a href='u'>&\"é"] },
                     expect: "&lt;a href=&#39;u&#39;&gt;&amp;&quot;é|<a href='u'>&\"é|<a href='u'>&\"é"),
        TemplateCase("escaping a combining mark after <", "{{x}}", { ["x": "<\u{301}>"] }),
        TemplateCase("the character escaping of the HTML content type", "{{% CONTENT_TYPE: HTML }}\n{{x}}", { ["x": "<\u{301}>&"] }),
        TemplateCase("no escaping with the TEXT content type", "{{x}}{{% CONTENT_TYPE: TEXT }}{{x}}", { ["x": "<&>"] },
                     expect: "&lt;&amp;&gt;<&>"),
        TemplateCase("indented partial", "a\n  {{>p}}\nb", partials: ["p": "x\ny\n"], { [String: Any]() }, expect: "a\n  x\n  y\nb"),
        TemplateCase("indentation per token, not inside a value", "  {{>p}}\n", partials: ["p": "{{v}}\nz\n"], { ["v": "1\n2"] },
                     expect: "  1\n2\n  z\n"),
        TemplateCase("indented partial with a section over lines", "<ul>\n    {{>p}}\n</ul>",
                     partials: ["p": "{{#l}}\n<li>{{.}}</li>\n{{/l}}\n<li>end</li>\n"], { ["l": ["a", "b"]] }),
        TemplateCase("nested indented partials", "  {{>p}}\n", partials: ["p": "p1\n  {{>q}}\np2\n", "q": "q1\nq2\n"],
                     { [String: Any]() }, expect: "  p1\n    q1\n    q2\n  p2\n"),
        TemplateCase("inline partial is not indented", "a {{>p}} b", partials: ["p": "x\ny"], { [String: Any]() }, expect: "a x\ny b"),
        TemplateCase("missing partial renders nothing", "a\n  {{>none}}\nb", { [String: Any]() }),
        TemplateCase("recursive partial", "{{>node}}", partials: ["node": "<{{name}}{{#kids}}{{>node}}{{/kids}}>"],
                     { ["name": "a", "kids": [["name": "b", "kids": [["name": "c", "kids": [Any]()] as [String: Any]]] as [String: Any]]] as [String: Any] }, expect: "<a<b<c>>>"),
        TemplateCase("parent with blocks", "{{<layout}}\n{{$title}}Mine{{/title}}\n{{/layout}}\n",
                     partials: ["layout": "<h1>{{$title}}Default{{/title}}</h1>\n<p>{{$body}}Body {{x}}{{/body}}</p>\n"],
                     { ["x": "X"] }, expect: "<h1>Mine</h1>\n<p>Body X</p>\n"),
        TemplateCase("indented block in a parent", "{{<layout}}\n{{$main}}\n<p>one</p>\n<p>two</p>\n{{/main}}\n{{/layout}}\n",
                     partials: ["layout": "<main>\n  {{$main}}{{/main}}\n</main>\n"], { [String: Any]() }),
        TemplateCase("the outermost override wins", "{{<mid}}{{$a}}outer{{/a}}{{/mid}}",
                     partials: ["mid": "{{<base}}{{$a}}mid{{/a}}{{$b}}midB{{/b}}{{/base}}", "base": "[{{$a}}base{{/a}}|{{$b}}baseB{{/b}}]"],
                     { [String: Any]() }, expect: "[outer|midB]"),
        TemplateCase("dynamic partial", "{{>*which}}", partials: ["p": "P{{x}}"], { ["which": "p", "x": "1"] }, expect: "P1"),
        TemplateCase("transforms on lists, strings and objects",
                     "{{count(l)}} {{empty(l)}} {{empty(s)}} {{empty(e)}} {{count(o)}} {{empty(o)}} [{{count(s)}}] [{{empty(missing)}}] {{first(l)}} {{last(l)}}",
                     { ["l": ["x", "y"], "s": "abc", "e": "", "o": ["k": "v"]] as [String: Any] }, expect: "2 false false true 1 false [] [] x y"),
        TemplateCase("transforms in sections", "{{^empty(l)}}has{{/empty(l)}}{{#empty(n)}} none{{/empty(n)}}{{^empty(missing)}} missing{{/empty(missing)}}",
                     { ["l": ["x"], "n": [Any]()] as [String: Any] }, expect: "has none missing"),
        TemplateCase("nested transforms and numbers", "{{plusone(count(l))}} {{even(count(l))}} {{odd(n)}} {{equalzero(z)}} {{minusone(n)}}",
                     { ["l": ["x", "y"], "n": 3, "z": 0] as [String: Any] }, expect: "3 true true true 2"),
        TemplateCase("string transforms", "{{uppercased(s)}} {{lowercased(s)}} {{reversed(s)}} {{capitalized(s)}}", { ["s": "héllo wOrld"] }),
        TemplateCase("list transforms", "{{#reversed(l)}}{{.}}{{/reversed(l)}} {{#sorted(l)}}{{.}}{{/sorted(l)}} {{#sorted(o)}}{{key}}={{value}};{{/sorted(o)}}",
                     { ["l": ["b", "c", "a"], "o": ["y": "2", "x": "1"]] as [String: Any] }, expect: "acb abc x=1;y=2;"),
        TemplateCase("position in the list", "{{#l}}{{#first()}}[{{/first()}}{{index()}}{{.}}{{#odd()}}o{{/odd()}}{{^last()}},{{/last()}}{{#last()}}]{{/last()}}{{/l}}",
                     { ["l": ["a", "b", "c"]] }, expect: "[0a,1bo,2c]"),
        TemplateCase("a true section keeps the position", "{{#l}}{{#t}}{{index()}}{{/t}}{{/l}}{{#t}}[{{index()}}]{{/t}}",
                     { ["l": ["a", "b"], "t": true] as [String: Any] }, expect: "01[]"),
        TemplateCase("implicit iterator over objects and names", "{{#l}}{{.}}{{}}{{/l}}{{#o}}({{a}}){{/o}} {{l}}",
                     { ["l": [1, 2], "o": ["a": "A"]] as [String: Any] }, expect: "1122(A) [1, 2]"),
        TemplateCase("whitespace at the end without a newline", "{{#a}}\n  x\n  {{/a}}  ", { ["a": true] }, expect: "  x\n  "),
    ]

    @Test(arguments: cases)
    func rendersAsSwiftMustache(_ testCase: TemplateCase) throws {
        let reference = try MustacheReference(testCase.templates)
        let parsed = try testCase.templates.mapValues { try TemplateParser.parse($0) }
        let program = TemplateCompiler.compile(parsed["main"]!, templates: parsed)
        let data = testCase.data()
        var out: [UInt8] = []
        TemplateRenderer.render(program, TemplateValue(any: data), into: &out)
        let ours = String(decoding: out, as: UTF8.self)
        #expect(ours == reference.render(data, "main"))
        if let expected = testCase.expected { #expect(ours == expected) }
    }

    /// The interface strings are converted once and reused, but never when they changed.
    @Test func interfaceStringsFollowTheirDictionary() throws {
        let parsed = try TemplateParser.parse("{{t.k}}")
        let program = TemplateCompiler.compile(parsed, templates: [:])
        var views = SentinelViews(full: false)
        var model = views.page()
        var outputs: [String] = []
        for strings in [["k": "one"], ["k": "one"], ["k": "two", "x": "y"], ["k": "one"]] {
            model.t = strings
            var out: [UInt8] = []
            TemplateRenderer.render(program, model.templateValue, into: &out)
            outputs.append(String(decoding: out, as: UTF8.self))
        }
        #expect(outputs == ["one", "one", "two", "one"])
    }

    /// Syntax errors: the diagnostic sitegen gave through swift-mustache, computed here from
    /// swift-mustache's error as `TemplateSet` did, must be what the new parser gives.
    static let badTemplates = [
        "{{#a}}x",
        "a\n{{#a}}x{{/b}}",
        "line\n  {{x y}}",
        "{{x",
        "abc{",
        "{{{a}}",
        "{{a(b}}",
        "{{=<% %>}}",
        "{{% FOO: bar }}",
        "{{% CONTENT_TYPE: NONE }}",
        "{{<p}}{{#x}}{{/x}}{{/p}}",
        "{{$a(b)}}{{/a(b)}}",
        "\n\n   {{! unclosed",
        "{{<layout}}\n{{$main}}\n{{#title}}unclosed\n{{/main}}\n{{/layout}}\n",
        "é\u{301}{{#x}}\n{{/y}}",
    ]

    @Test(arguments: badTemplates)
    func syntaxErrorsAreReportedAsBefore(_ text: String) throws {
        var fs = InMemoryFileSystem()
        fs.files["t/page.mustache"] = Data(text.utf8)
        let (set, diagnostics) = TemplateSet.load(from: "t", fileSystem: fs)
        #expect(set == nil)
        let ours = diagnostics.filter { $0.code == .templateSyntax }.map(\.description)
        var expected: [String] = []
        _ = MustacheReference.register
        do {
            _ = try MustacheTemplate(string: MustacheReference.pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            let message: String
            switch error.error {
            case MustacheTemplate.Error.sectionCloseNameIncorrect: message = "a section is closed with a different name than it was opened"
            case MustacheTemplate.Error.unfinishedName: message = "a tag is not closed with '}}'"
            case MustacheTemplate.Error.expectedSectionEnd: message = "a section is opened but never closed"
            case MustacheTemplate.Error.invalidSetDelimiter: message = "invalid set-delimiter tag"
            default: message = String(describing: error.error)
            }
            expected.append(Diagnostic(file: "t/page.mustache", line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                                       severity: .error, code: .templateSyntax,
                                       message: "template syntax error: \(message) in '\(error.context.line.trimmingCharacters(in: .whitespaces))'").description)
        }
        #expect(!expected.isEmpty)
        #expect(ours == expected)
    }
}
