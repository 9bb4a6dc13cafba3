// Builds the shipped `content/` with `--strict` into a temporary folder and checks the
// output by parsing the HTML independently of the build's own link checker.

import Foundation
import Testing
@testable import Sitegen

@Suite(.serialized)
struct ShippedContentTests {
    /// The shipped site, built once for this suite.
    static let built: (BuildResult, URL) = {
        let output = temporaryFolder().appendingPathComponent("public")
        let options = BuildOptions(contentDirectory: Repo.content, templatesDirectory: Repo.templates,
                                   outputDirectory: output.path, baseURL: "/", strict: true)
        return (SiteBuilder(options: options).build(), output)
    }()

    static func pages() throws -> [String: String] {
        let (_, output) = built
        let files = try LocalFileSystem().files(under: output.path)
        var pages: [String: String] = [:]
        for file in files where file.hasSuffix(".html") {
            pages[file] = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
        }
        return pages
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    @Test func buildsCleanWithStrict() {
        let (result, _) = Self.built
        #expect(result.lines == [])
        #expect(result.succeeded)
        #expect(result.noteCount == 321)
    }

    @Test func notesPageHasAll321Notes() throws {
        let notes = try #require(try Self.pages()["report/notes/index.html"])
        let ids = Self.matches(##"<li id="note-(\d+)""##, in: notes).compactMap(Int.init)
        #expect(ids == Array(1...321))
    }

    @Test func everyReferenceAndBackLinkTargetExists() throws {
        let pages = try Self.pages()
        var referenceCount = 0
        for chapter in pages.keys where chapter.hasPrefix("report/") && !["report/notes/index.html", "report/full/index.html", "report/abbreviations/index.html"].contains(chapter) {
            let html = pages[chapter]!
            let ids = Set(Self.matches(##"id="([^"]+)""##, in: html))
            // Each reference links to a note on the same page and has its own id.
            let refs = Self.matches(##"<a href="#note-(\d+)" id="ref-\d+-\d+""##, in: html)
            referenceCount += refs.count
            for note in refs { #expect(ids.contains("note-\(note)"), "\(chapter): note-\(note) missing") }
            // Each back-link returns to a reference that exists.
            for target in Self.matches(##"href="([^"]*#ref-\d+-\d+)""##, in: html) {
                let parts = target.split(separator: "#")
                let page = parts.count == 2 ? String(parts[0].dropFirst()) + "index.html" : chapter
                let targetIDs = Set(Self.matches(##"id="([^"]+)""##, in: pages[page] ?? ""))
                #expect(targetIDs.contains(String(parts.last!)), "\(chapter): back-link \(target) is dangling")
            }
        }
        #expect(referenceCount == 320)
    }

    @Test func everyInternalLinkAndAnchorResolves() throws {
        let pages = try Self.pages()
        let (_, output) = Self.built
        let ids = pages.mapValues { Set(Self.matches(##"id="([^"]+)""##, in: $0)) }
        var checked = 0
        for (page, html) in pages {
            for href in Self.matches(##"(?:href|src)="([^"]+)""##, in: html) where !href.hasPrefix("http") && !href.hasPrefix("mailto:") {
                checked += 1
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target = page
                if !parts[0].isEmpty {
                    #expect(parts[0].hasPrefix("/"), "\(page): relative link \(href)")
                    let path = String(parts[0].dropFirst())
                    target = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
                    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(target).path), "\(page): \(href) has no file")
                }
                if parts.count == 2, target.hasSuffix(".html") {
                    #expect(ids[target]?.contains(parts[1]) ?? false, "\(page): \(href) has no anchor")
                }
            }
        }
        #expect(checked > 1500)
    }

    @Test func nothingIsLoadedFromAnotherHost() throws {
        for (page, html) in try Self.pages() {
            #expect(Self.matches(##"<(?:script|img|iframe|link)[^>]*(?:src|href)="((?:https?:)?//[^"]+)""##, in: html).isEmpty, "\(page)")
            #expect(!html.contains("<script>"), "\(page): inline script")
            #expect(!html.contains(" style=\""), "\(page): inline style")
        }
        let css = try String(contentsOf: Self.built.1.appendingPathComponent("assets/site.css"), encoding: .utf8)
        #expect(Self.matches(##"url\(\s*["']?((?:https?:)?//[^)]*)"##, in: css).isEmpty)
        #expect(!css.contains("@import"))
    }

    @Test func pagesAndFilesAStaticHostExpects() {
        let (_, output) = Self.built
        for path in ["index.html", "404.html", "sitemap.xml", "robots.txt", "report/introduction/index.html",
                     "report/notes/index.html", "report/full/index.html", "editorial-notes/index.html",
                     "report/abbreviations/index.html", "documents/index.html", "documents/voa-soldiers-team-up/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func editorialCorrectionsAreVisibleAndListed() throws {
        let pages = try Self.pages()
        let editorial = try #require(pages["editorial-notes/index.html"])
        // The misprinted marker 231, the missing texts of notes 165–181, the unreferenced note 87.
        #expect(editorial.contains("note 232 is meant"))
        #expect(editorial.contains("href=\"/report/notes/#note-87\""))
        for n in 165...181 { #expect(editorial.contains("href=\"/report/notes/#note-\(n)\"")) }
        let chapter4 = try #require(pages["report/why-stay-in-the-army/index.html"])
        #expect(chapter4.contains(##"<span class="editorial""##))
    }

    @Test func everyProfileIsListedAndMentionedWithResolvableAnchors() throws {
        let pages = try Self.pages()
        for (folder, index) in [("people", "people/index.html"), ("organisations", "organisations/index.html")] {
            let profiles = try FileManager.default.contentsOfDirectory(atPath: Repo.content + "/" + folder)
                .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
            #expect(profiles.count > 20)
            let listed = Self.matches(##"<a class="profile-name" href="/\##(folder)/([^/"]+)/""##, in: pages[index] ?? "").sorted()
            #expect(listed == profiles, "\(folder) index")
            for slug in profiles {
                let page = try #require(pages["\(folder)/\(slug)/index.html"], "\(slug)")
                let mentions = Self.matches(##"<li><a href="(/[^"]+#[^"]+)">"##, in: page)
                #expect(!mentions.isEmpty, "\(slug) has no mention")
                for href in mentions {
                    let parts = href.dropFirst().split(separator: "#").map(String.init)
                    let ids = Set(Self.matches(##"id="([^"]+)""##, in: pages[parts[0] + "index.html"] ?? ""))
                    #expect(ids.contains(parts[1]), "\(slug): \(href)")
                }
            }
        }
    }

    @Test func sourcesPageAccountsForEveryNote() throws {
        let sources = try #require(try Self.pages()["sources/index.html"])
        let cited = Set(Self.matches(##"href="/report/notes/#note-(\d+)""##, in: sources).compactMap(Int.init))
        #expect(cited == Set(1...321))
        let notes = try #require(try Self.pages()["report/notes/index.html"])
        // Note 3 consulted its address on 21 October 2021: the archived copy of that day.
        #expect(notes.contains("https://web.archive.org/web/20211021/https://www.irrawaddy.com/news/burma/atrocious"))
        #expect(notes.contains(##"<span class="link-gone">Link gone</span>"##))
    }
}
