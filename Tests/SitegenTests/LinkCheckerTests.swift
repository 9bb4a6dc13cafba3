// The link checker finds broken links, missing anchors, missing assets and resources from
// other hosts, and names the page and line of each.

import Testing
@testable import Sitegen

struct LinkCheckerTests {
    static let checker = LinkChecker(urls: SiteURLs(baseURL: "/base/"), displayRoot: "public")

    @Test func cleanSiteHasNoProblems() {
        let files = [
            OutputFile(path: "index.html", text: ##"<a href="/base/a/#x">a</a>\##n<a href="#top" id="top">t</a><link rel="stylesheet" href="/base/s.css">"##),
            OutputFile(path: "a/index.html", text: #"<p id="x">x</p><a href="../">up</a><img src="/base/i.png" alt="">"#),
            OutputFile(path: "s.css", text: "body { background: url(i.png); }"),
            OutputFile(path: "i.png", text: "png"),
        ]
        #expect(Self.checker.check(files).isEmpty)
    }

    @Test func findsEveryKindOfProblem() {
        let files = [
            OutputFile(path: "index.html", text: """
                <a href="/base/missing/">m</a>
                <a href="/base/a/#nope">n</a>
                <a href="/elsewhere/">o</a>
                <script src="https://cdn.example/x.js"></script>
                <img src="/base/none.png" alt="">
                <a href="https://example.org/">fine: a link, not a resource</a>
                """),
            OutputFile(path: "a/index.html", text: "<p id=\"x\">x</p>"),
            OutputFile(path: "s.css", text: "@import url(https://fonts.example/f.css);"),
        ]
        #expect(Self.checker.check(files).map(\.description) == [
            "public/index.html:1: error[check-broken-link]: link to /base/missing/: no such file in the site",
            "public/index.html:2: error[check-broken-link]: link to /base/a/#nope: a/index.html has no element with id 'nope'",
            "public/index.html:3: error[check-broken-link]: link to /elsewhere/ is outside the site's base path /base/",
            "public/index.html:4: error[check-external-resource]: <script> loads https://cdn.example/x.js from another host; the site must be self-contained",
            "public/index.html:5: error[check-broken-link]: link to /base/none.png: no such file in the site",
            "public/s.css:1: error[check-external-resource]: stylesheet loads a resource from another host",
        ])
    }
}
