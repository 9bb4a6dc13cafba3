/* sitegen "Cite this report": shows the copy button (its paragraph is hidden in the markup)
   and copies the citation's text. Without JavaScript the button stays hidden and the
   citation is plain selectable text. */
(() => {
  'use strict';
  for (const button of document.querySelectorAll('button.cite-copy[data-copy]')) {
    const source = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector('.cite-status');
    if (!source) continue;
    const say = text => { if (status) status.textContent = text; };
    const select = () => {
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return selection;
    };
    button.parentElement.hidden = false;
    button.addEventListener('click', () => {
      const text = source.textContent.replace(/\s+/g, ' ').trim();
      const fallback = () => {
        const selection = select();
        let copied = false;
        try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
        if (copied) selection.removeAllRanges();
        say(copied ? button.dataset.copied : button.dataset.failed);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(() => say(button.dataset.copied), fallback);
      } else {
        fallback();
      }
    });
  }
})();
