// Note previews: hovering or focusing a note reference, or tapping it once on a touch screen,
// shows the note in place; a second tap, or the preview's "Go to note" link, goes to the note.
// A reference is a note-reference link (`role="doc-noteref"`) or any link to `…#note-N`: the
// note is taken from this page or, for a link to another page (profiles, sources, timeline),
// from that page, fetched once. The preview is inserted right after its reference, so Tab
// moves from the reference into the preview's links. It opens below the reference, or above
// when there is more room there, and always stays inside the window. Where the note already
// stands beside the reference (a margin note on a wide screen) the margin note is marked instead.
// Without this script every reference is a plain link to its note, which still works.
(function () {
  "use strict";
  var popover = null, current = null, hideTimer = 0, pointerType = "", pointerTime = 0;
  var pages = {};  // URL without hash -> Promise of a Document

  function refOf(target) {
    var link = target && target.closest ? target.closest("a[href]") : null;
    if (!link || (popover && popover.contains(link))) return null;
    if (link.classList.contains("note-backref") || link.closest(".margin-note")) return null;
    if (link.getAttribute("role") === "doc-noteref") return link;
    var url;
    try { url = new URL(link.href, location.href); } catch (e) { return null; }
    if (url.protocol !== location.protocol || url.host !== location.host || !/^#note-[\w.\-]+$/.test(url.hash)) return null;
    if (link.closest("li[id^='note-']")) return null;  // inside a note: the note is right there
    return link;
  }

  function targetOf(ref) {
    var url = new URL(ref.href, location.href);
    return { page: url.href.split("#")[0], id: decodeURIComponent(url.hash.slice(1)) };
  }

  function noteFor(ref) {
    var t = targetOf(ref);
    if (t.page === location.href.split("#")[0]) {
      return Promise.resolve(document.getElementById(t.id));
    }
    if (location.protocol === "file:") return Promise.resolve(null);  // from a folder: no fetch, the link still works
    if (!pages[t.page]) {
      pages[t.page] = fetch(t.page, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
        .then(function (html) { return new DOMParser().parseFromString(html, "text/html"); })
        .catch(function () { delete pages[t.page]; return null; });
    }
    return pages[t.page].then(function (doc) { return doc ? doc.getElementById(t.id) : null; });
  }

  function marginNoteOf(ref) {
    var sup = ref.closest(".note-ref");
    var next = sup && sup.nextElementSibling;
    if (next && next === popover) next = next.nextElementSibling;
    return next && next.classList.contains("margin-note") && next.getClientRects().length ? next : null;
  }

  function labelOf(ref, note) {
    var n = note && note.getAttribute("value");
    return n || (note && note.id ? note.id.replace(/^note-/, "") : ref.textContent.replace(/^\s*note\s*/i, ""));
  }

  function ensurePopover() {
    if (popover) return popover;
    popover = document.createElement("div");
    popover.id = "note-preview";
    popover.className = "note-preview";
    popover.setAttribute("role", "dialog");
    popover.hidden = true;
    popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", scheduleHide);
    return popover;
  }

  function say(key, label, fallback) {   // interface strings: data-* of <main>
    var t = document.getElementById("main"); t = t && t.getAttribute("data-" + key);
    return t == null ? fallback + label : t.replace("{label}", label);
  }

  function fill(ref, note) {
    while (popover.firstChild) popover.removeChild(popover.firstChild);
    var label = labelOf(ref, note);
    popover.setAttribute("aria-label", say("note-number", label, "Note "));
    var heading = document.createElement("p");
    heading.className = "note-preview-label";
    heading.textContent = say("note-number", label, "Note ");
    popover.appendChild(heading);
    var body = document.createElement("div");
    var copy = note.cloneNode(true);
    var drop = copy.querySelectorAll(".note-backref, [id]");
    for (var i = 0; i < drop.length; i++) {
      if (drop[i].classList.contains("note-backref")) drop[i].parentNode.removeChild(drop[i]);
      else drop[i].removeAttribute("id");
    }
    var parts = copy.childNodes;
    for (var j = 0; j < parts.length; j++) body.appendChild(document.importNode(parts[j], true));
    popover.appendChild(body);
    var go = document.createElement("a");
    go.href = ref.href;
    go.className = "note-preview-go";
    go.textContent = say("note-go", label, "Go to note ");
    go.addEventListener("click", function () { hide(); });
    popover.appendChild(go);
  }

  // Below the reference when it fits (or when there is more room below), otherwise above;
  // never wider or taller than the window.
  function place(ref) {
    if (!current || popover.hidden) return;
    var r = ref.getBoundingClientRect();
    var vw = document.documentElement.clientWidth, vh = window.innerHeight, margin = 8, gap = 6;
    if (r.bottom < 0 || r.top > vh) { hide(); return; }
    var width = Math.min(420, vw - 2 * margin);
    popover.style.width = width + "px";
    popover.style.maxHeight = "none";
    var below = vh - r.bottom - gap - margin, above = r.top - gap - margin;
    var natural = popover.scrollHeight + 2;
    var useBelow = natural <= below || below >= above;
    var room = Math.max(80, useBelow ? below : above);
    var height = Math.min(natural, room, vh * 0.6);
    popover.style.maxHeight = height + "px";
    popover.style.left = Math.max(margin, Math.min(r.left - 20, vw - width - margin)) + "px";
    popover.style.top = (useBelow ? r.bottom + gap : Math.max(margin, r.top - gap - height)) + "px";
    popover.setAttribute("data-placement", useBelow ? "below" : "above");
  }

  function show(ref) {
    clearTimeout(hideTimer);
    if (current === ref && popover && !popover.hidden) return;
    var margin = marginNoteOf(ref);
    if (current && current !== ref) hide();
    if (margin) {
      current = ref;
      margin.classList.add("is-current");
      return;
    }
    current = ref;
    noteFor(ref).then(function (note) {
      if (current !== ref || !note) return;
      ensurePopover();
      fill(ref, note);
      var sup = ref.closest(".note-ref") || ref;
      sup.parentNode.insertBefore(popover, sup.nextSibling);
      if (!ref.hasAttribute("data-describedby")) ref.setAttribute("data-describedby", ref.getAttribute("aria-describedby") || "");
      ref.setAttribute("aria-describedby", "note-preview");
      ref.setAttribute("aria-expanded", "true");
      popover.hidden = false;
      place(ref);
    });
  }

  function hide() {
    clearTimeout(hideTimer);
    if (popover) popover.hidden = true;
    var marked = document.querySelectorAll(".margin-note.is-current");
    for (var i = 0; i < marked.length; i++) marked[i].classList.remove("is-current");
    if (current) {
      var previous = current.getAttribute("data-describedby");
      if (previous) current.setAttribute("aria-describedby", previous); else current.removeAttribute("aria-describedby");
      current.removeAttribute("data-describedby");
      current.removeAttribute("aria-expanded");
    }
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function recentTouch() { return pointerType === "touch" && Date.now() - pointerTime < 1500; }

  document.addEventListener("pointerdown", function (e) {
    pointerType = e.pointerType; pointerTime = Date.now();
    if (popover && !popover.hidden && !popover.contains(e.target) && !refOf(e.target)) hide();
  }, true);
  document.addEventListener("pointerover", function (e) {
    if (e.pointerType !== "mouse" && e.pointerType !== "pen") return;
    var ref = refOf(e.target);
    if (ref) show(ref);
  });
  document.addEventListener("pointerout", function (e) {
    if (e.pointerType !== "mouse" && e.pointerType !== "pen") return;
    if (refOf(e.target)) scheduleHide();
  });
  document.addEventListener("focusin", function (e) {
    var ref = refOf(e.target);
    if (ref && !recentTouch()) show(ref);
    else if (!ref && current && !(popover && popover.contains(e.target))) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && current) {
      var ref = current;
      hide();
      ref.focus();
    }
  });
  // Touch: the first tap on a reference opens its preview; a second tap on it follows the link.
  document.addEventListener("click", function (e) {
    var ref = refOf(e.target);
    if (!ref || !recentTouch()) return;
    if (current !== ref) {
      e.preventDefault();
      if (current) hide();
      show(ref);
    } else {
      hide();
    }
  });
  var pending = false;
  function reposition() {
    if (pending || !current || !popover || popover.hidden) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; if (current) place(current); });
  }
  window.addEventListener("resize", reposition);
  window.addEventListener("scroll", reposition, { passive: true });
})();
