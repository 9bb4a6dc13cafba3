// A build for a process that ends right after it keeps its large values for the system to
// take back at exit; any other build (the preview's, the tests') frees them as usual. Either
// way the build's result is the same.

import Testing
@testable import Sitegen

struct ExitRetainedTests {
    @Test func onlyABuildThatEndsTheProcessKeepsItsValues() {
        let content = ["report/01-one.md": "---\ntitle: One\n---\nText with a note.[^1]\n", "report/notes.md": "---\ntitle: Notes\n---\n[^1]: Smith, J. (2001) 'A report', *Journal*, 3(2), pp. 1-9.\n"]
        func build(keeping: Bool) -> BuildResult {
            var options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates",
                                       outputDirectory: "/tmp/sitegen-tests-never-written", writesOutput: false)
            options.keepsValuesUntilExit = keeping
            return SiteBuilder(options: options, fileSystem: TestSite.files(content)).build()
        }
        let before = ExitRetained.count
        let freed = build(keeping: false)
        #expect(ExitRetained.count == before)
        let kept = build(keeping: true)
        #expect(ExitRetained.count > before)
        #expect(kept.succeeded && freed.succeeded)
        #expect(kept.files.map(\.path) == freed.files.map(\.path))
        #expect(kept.files.map(\.data) == freed.files.map(\.data))
    }
}
