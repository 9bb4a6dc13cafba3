// Note previews: hovering, focusing or tapping a note reference shows the note in place.
// Without this script the reference is a plain link to the note, which still works.
(function () {
  "use strict";
  var popover = null, current = null, hideTimer = 0;

  function noteFor(ref) {
    var id = decodeURIComponent((ref.getAttribute("href") || "").split("#")[1] || "");
    return id ? document.getElementById(id) : null;
  }

  function build(ref, note) {
    if (!popover) {
      popover = document.createElement("div");
      popover.id = "note-preview";
      popover.className = "note-preview";
      popover.setAttribute("role", "tooltip");
      popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      popover.addEventListener("mouseleave", scheduleHide);
      document.body.appendChild(popover);
    }
    while (popover.firstChild) popover.removeChild(popover.firstChild);
    var label = document.createElement("p");
    label.className = "note-preview-label";
    label.textContent = "Note " + ref.textContent;
    popover.appendChild(label);
    var body = note.cloneNode(true);
    body.removeAttribute("id");
    var drop = body.querySelectorAll(".note-backref, .note-sources, [id]");
    for (var i = 0; i < drop.length; i++) {
      if (drop[i].classList.contains("note-backref") || drop[i].classList.contains("note-sources")) {
        drop[i].parentNode.removeChild(drop[i]);
      } else {
        drop[i].removeAttribute("id");
      }
    }
    var div = document.createElement("div");
    while (body.firstChild) div.appendChild(body.firstChild);
    popover.appendChild(div);
    var go = document.createElement("a");
    go.href = ref.getAttribute("href");
    go.className = "note-preview-go";
    go.textContent = "Go to note " + ref.textContent;
    go.addEventListener("click", hide);
    popover.appendChild(go);
  }

  function place(ref) {
    var r = ref.getBoundingClientRect();
    var width = Math.min(420, document.documentElement.clientWidth - 16);
    popover.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX - 20, window.scrollX + document.documentElement.clientWidth - width - 8));
    popover.style.left = left + "px";
    popover.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function show(ref) {
    var note = noteFor(ref);
    if (!note) return;
    clearTimeout(hideTimer);
    if (current && current !== ref) restore(current);
    build(ref, note);
    current = ref;
    if (!ref.hasAttribute("data-describedby")) ref.setAttribute("data-describedby", ref.getAttribute("aria-describedby") || "");
    ref.setAttribute("aria-describedby", "note-preview");
    ref.setAttribute("aria-expanded", "true");
    popover.hidden = false;
    place(ref);
  }

  function restore(ref) {
    var previous = ref.getAttribute("data-describedby");
    if (previous) ref.setAttribute("aria-describedby", previous); else ref.removeAttribute("aria-describedby");
    ref.removeAttribute("data-describedby");
    ref.removeAttribute("aria-expanded");
  }

  function hide() {
    clearTimeout(hideTimer);
    if (popover) popover.hidden = true;
    if (current) restore(current);
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function refOf(target) {
    return target && target.closest ? target.closest('a[role="doc-noteref"]') : null;
  }

  document.addEventListener("mouseover", function (e) { var ref = refOf(e.target); if (ref) show(ref); });
  document.addEventListener("mouseout", function (e) { if (refOf(e.target)) scheduleHide(); });
  document.addEventListener("focusin", function (e) {
    var ref = refOf(e.target);
    if (ref) show(ref);
    else if (popover && !popover.contains(e.target)) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && current) {
      var ref = current;
      hide();
      ref.focus();
    }
  });
  // Touch: the first tap on a reference shows the note, a second tap follows the link.
  document.addEventListener("touchstart", function (e) {
    var ref = refOf(e.target);
    if (ref && current !== ref) { ref.setAttribute("data-touched", "1"); }
    else if (!ref && popover && !popover.contains(e.target)) hide();
  }, { passive: true });
  document.addEventListener("click", function (e) {
    var ref = refOf(e.target);
    if (ref && ref.getAttribute("data-touched") === "1") {
      ref.removeAttribute("data-touched");
      if (current !== ref) { e.preventDefault(); show(ref); }
    }
  });
  window.addEventListener("resize", function () { if (current) place(current); });
})();
