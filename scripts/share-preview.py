#!/usr/bin/env python3
"""Renders the link preview a chat app or social network would show for a built page, from
the page's Open Graph and Twitter card tags, as an HTML file to open in a browser.

    scripts/share-preview.py public/index.html preview.html [--base-url URL]

With --base-url (the one the site was built with), an og:image under it is read from the
built folder, so the card shows the real image without a server.
"""
import argparse
import html
import sys
from html.parser import HTMLParser
from pathlib import Path


class MetaReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag != "meta":
            return
        a = dict(attrs)
        key = a.get("property") or a.get("name")
        if key and "content" in a and key not in self.tags:
            self.tags[key] = a["content"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("out")
    parser.add_argument("--base-url")
    args = parser.parse_args()
    page = Path(args.page)
    reader = MetaReader()
    reader.feed(page.read_text(encoding="utf-8"))
    t = reader.tags
    image = t.get("og:image") or t.get("twitter:image")
    if image and args.base_url and image.startswith(args.base_url):
        root = page.parent
        while not (root / "sitemap.xml").exists() and root != root.parent:
            root = root.parent
        image = (root / image[len(args.base_url):]).resolve().as_uri()
    large = t.get("twitter:card") == "summary_large_image"
    e = lambda key: html.escape(t.get(key, ""))
    host = html.escape((t.get("og:url") or "").split("/")[2] if t.get("og:url", "").startswith("http") else "(no og:url)")
    picture = (f'<img src="{html.escape(image)}" alt="{e("og:image:alt")}">' if image else '<div class="noimg">no og:image</div>')
    card = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Share preview</title>
<style>
body {{ font: 15px/1.35 system-ui, sans-serif; background: #e9ebee; margin: 0; padding: 24px; }}
.chat {{ max-width: 520px; margin: 0 auto; }}
.bubble {{ background: #dcf8c6; border-radius: 10px; padding: 6px; box-shadow: 0 1px 1px #0002; }}
.link {{ color: #0366d6; padding: 4px 6px 8px; word-break: break-all; }}
.card {{ background: #fff; border-radius: 8px; overflow: hidden; display: {'block' if large else 'flex'}; }}
.card img {{ display: block; width: {'100%' if large else '110px'}; {'aspect-ratio: 1200/630;' if large else 'height: 110px;'} object-fit: cover; }}
.noimg {{ width: 110px; min-height: 110px; background: #ccc; color: #555; font-size: 12px; display: grid; place-items: center; }}
.text {{ padding: 10px 12px; }}
.site {{ color: #667; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }}
.title {{ font-weight: 650; margin: 3px 0; }}
.desc {{ color: #444; font-size: 14px; }}
.tags {{ margin-top: 20px; font: 12px/1.4 ui-monospace, monospace; color: #333; white-space: pre-wrap; }}
</style></head><body><div class="chat">
<div class="bubble"><div class="link">{html.escape(t.get('og:url') or args.page)}</div>
<div class="card">{picture}<div class="text"><div class="site">{e('og:site_name')} · {host}</div>
<div class="title">{e('og:title')}</div><div class="desc">{e('og:description')}</div></div></div></div>
<div class="tags">{html.escape(chr(10).join(f'{k} = {v}' for k, v in t.items() if k.startswith(('og:', 'twitter:'))))}</div>
</div></body></html>"""
    Path(args.out).write_text(card, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
