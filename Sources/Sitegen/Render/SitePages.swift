// Which pages a site has, what they are called and where they live: the header menu and the
// home page's links are built from `site.yml` (`menu`, `home_links`, `pages`) over this, and
// an entry whose page the site does not have (no documents, no editorial notes) is left out.

/// The pages of one build, by name (`SitePage` raw values and content-page slugs).
struct SitePages {
    /// Page name → URL, for the pages this site has.
    var urls: [String: String] = [:]
    /// Page name → visible title.
    var titles: [String: String] = [:]
    var strings: InterfaceStrings
    var config: SiteConfig
    /// The folders of the profile collections the site has, in order (the default menu lists them).
    var collections: [String] = []

    /// Records that the site has `page` at `url` under `title`.
    mutating func add(_ page: String, url: String, title: String) {
        urls[page] = url
        titles[page] = title
    }

    /// The title of a page kind: `pages.<page>.title` of site.yml, else `fallback`.
    func title(_ page: SitePage, default fallback: String) -> String {
        nonEmpty(config.pages?[page.rawValue]?.title) ?? fallback
    }

    /// The lead of a page kind: `pages.<page>.description` of site.yml, else `fallback`.
    func lede(_ page: SitePage, default fallback: String?) -> String? {
        nonEmpty(config.pages?[page.rawValue]?.description) ?? fallback
    }

    /// The header navigation: `menu` of site.yml (or the default), pages the site lacks left out.
    func menu() -> [LinkView] {
        let defaultMenu = ["home", "full", "notes", "sources", "figures", "timeline", "documents"] + collections
        return (config.menu ?? defaultMenu.map { MenuEntry(page: $0) }).compactMap { entry in
            guard let url = urls[entry.page] else { return nil }
            let label = nonEmpty(entry.label)
                ?? (["figures", "timeline"].contains(entry.page) ? titles[entry.page] : nil)
                ?? (SitePage(rawValue: entry.page) != nil ? strings["nav_" + entry.page] : titles[entry.page] ?? entry.page)
            return LinkView(title: label, url: url)
        }
    }

    /// The links under the contents on the home page (`home_links`), pages the site lacks left out.
    func homeLinks() -> [LinkView] {
        (config.homeLinks ?? SiteConfig.defaultHomeLinks).compactMap { entry in
            guard let url = urls[entry.page] else { return nil }
            let label = nonEmpty(entry.label) ?? (entry.page == SitePage.full.rawValue ? strings["link_full"] : titles[entry.page] ?? entry.page)
            return LinkView(title: label, url: url)
        }
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return text
    }
}

import Foundation
