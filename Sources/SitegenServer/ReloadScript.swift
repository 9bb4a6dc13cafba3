// The script that only the preview adds to pages (before `</body>`, as an external script so
// that a strict Content-Security-Policy still holds). It listens on `/__sitegen/events`:
// a page of an older build reloads; a failed build shows its diagnostics over the page in
// an overlay (as text, never as HTML) until a good build replaces it. EventSource
// reconnects by itself when the server restarts.

/// The live-reload script and the tag that loads it.
enum ReloadScript {
    static let path = "/__sitegen/reload.js"
    static let eventsPath = "/__sitegen/events"

    /// The tag added to every HTML page of build `build`.
    static func tag(build: Int) -> String {
        "<script src=\"\(path)?build=\(build)\" defer></script>\n"
    }

    static let source = #"""
        // sitegen serve: reloads this page after a rebuild and shows build errors over it.
        // Added by the preview server only; `sitegen build` never writes it.
        (function () {
          "use strict";
          var script = document.currentScript;
          var build = Number(new URL(script.src).searchParams.get("build") || 0);
          var overlay = null;

          function hide() {
            if (overlay) { overlay.remove(); overlay = null; }
          }

          function show(diagnostics, warnings) {
            hide();
            overlay = document.createElement("div");
            overlay.id = "sitegen-error-overlay";
            overlay.setAttribute("role", "alert");
            Object.assign(overlay.style, {
              position: "fixed", top: "0", right: "0", bottom: "0", left: "0", zIndex: "2147483647",
              overflow: "auto", padding: "2rem", boxSizing: "border-box",
              background: "rgba(24, 24, 24, 0.94)", color: "#f4f4f4",
              font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
            });
            var title = document.createElement("p");
            title.textContent = "sitegen: the build failed. This is the last good version of the page; " +
              "fix the file and save, and it reloads by itself.";
            Object.assign(title.style, { margin: "0 0 1rem", fontWeight: "bold", color: "#ff8a80" });
            var list = document.createElement("pre");
            list.textContent = diagnostics.join("\n") + (warnings > 0 ?
              "\n\n" + warnings + (warnings === 1 ? " warning" : " warnings") + " besides: see the terminal where sitegen serve runs." : "");
            Object.assign(list.style, { margin: "0", whiteSpace: "pre-wrap", wordBreak: "break-word" });
            overlay.append(title, list);
            (document.body || document.documentElement).append(overlay);
          }

          function payload(event) {
            try { return JSON.parse(event.data); } catch (e) { return { build: 0, diagnostics: [] }; }
          }

          var source = new EventSource("/__sitegen/events");
          source.addEventListener("hello", function (event) {
            var status = payload(event);
            if (status.build > 0 && status.build !== build) { location.reload(); return; }
            if (status.diagnostics.length) { show(status.diagnostics, status.warnings); } else { hide(); }
          });
          source.addEventListener("reload", function (event) {
            var status = payload(event);
            if (status.build !== build) { location.reload(); } else { hide(); }
          });
          source.addEventListener("failed", function (event) {
            var status = payload(event);
            show(status.diagnostics, status.warnings);
          });
        })();

        """#
}
