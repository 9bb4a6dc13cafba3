// The preview reads content through `ConfinedFileSystem`: a symbolic link that leads outside
// the content and templates folders is reported, never copied into the site.

import Foundation
import Testing
@testable import Sitegen

struct ConfinedFileSystemTests {
    @Test func aLinkToAFileOutsideIsRefusedWithADiagnostic() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (content, templates) = try OutputTests.materialise(OutputTests.site, in: root)
        let secret = root.appendingPathComponent("secret.txt")
        try "do not serve".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: content + "/secret.txt", withDestinationPath: secret.path)
        // A link that stays inside is fine.
        try "inside".write(toFile: content + "/inside.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: content + "/alias.txt", withDestinationPath: "inside.txt")

        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates,
                                   outputDirectory: root.appendingPathComponent("public").path, writesOutput: false)
        let confined = SiteBuilder(options: options, fileSystem: ConfinedFileSystem(folders: [content, templates])).build()
        #expect(confined.diagnostics.map(\.code) == [.symlinkOutside])
        #expect(confined.lines.first?.hasPrefix(content + "/secret.txt: error[symlink-outside]: this symbolic link leads outside") == true)
        #expect(!confined.files.contains { String(decoding: $0.data, as: UTF8.self) == "do not serve" })

        // `sitegen build` reads through the same confinement by default (issue 10): the link
        // outside is refused, the one inside is followed.
        let plain = SiteBuilder(options: options).build()
        #expect(plain.diagnostics.map(\.code) == [.symlinkOutside])
        #expect(!plain.files.contains { String(decoding: $0.data, as: UTF8.self) == "do not serve" })
        let withoutSecret = SiteBuilder(options: options).build()
        #expect(withoutSecret.text("alias.txt") == "inside")
    }

    @Test func aLinkedFolderOutsideIsNotWalked() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (content, templates) = try OutputTests.materialise(OutputTests.site, in: root)
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("deep"), withIntermediateDirectories: true)
        try "x".write(to: outside.appendingPathComponent("deep/file.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: content + "/linked", withDestinationPath: outside.path)

        let fs = ConfinedFileSystem(folders: [content, templates])
        let listed = try fs.files(under: content)
        #expect(listed.contains("linked"))
        #expect(!listed.contains { $0.hasPrefix("linked/") })
        #expect(throws: FileSystemError.self) { try fs.contents(of: content + "/linked/deep/file.txt") }
    }
}
