// Way-finding in a chapter: the section being read is marked in the chapter's contents
// (`aria-current="location"`), which stays in view beside the text on wide screens. Only
// colours change, so nothing moves. Without this script the contents are a plain list of links.
(function () {
  "use strict";
  var links = Array.prototype.slice.call(document.querySelectorAll(".chapter-toc a[href*='#']"));
  if (!links.length) return;
  var sections = links.map(function (link) {
    var id = decodeURIComponent(link.getAttribute("href").split("#")[1] || "");
    return { link: link, heading: document.getElementById(id) };
  }).filter(function (s) { return s.heading; });
  if (!sections.length) return;
  var marked = null, pending = false;

  function update() {
    pending = false;
    var line = window.innerHeight * 0.3, now = null;
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].heading.getBoundingClientRect().top <= line) now = sections[i]; else break;
    }
    if (now === marked) return;
    if (marked) marked.link.removeAttribute("aria-current");
    if (now) now.link.setAttribute("aria-current", "location");
    marked = now;
  }
  function schedule() {
    if (!pending) { pending = true; requestAnimationFrame(update); }
  }
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  window.addEventListener("hashchange", schedule);
  update();
})();
