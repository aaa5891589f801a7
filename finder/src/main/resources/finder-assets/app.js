// The finder's own script (no inline script: the page's Content-Security-Policy allows only the finder's files).
// 1. Writes each deadline in the visitor's time zone next to the agency's.
// 2. In a frame, tells the embedding page its height (embed.js sizes the frame).
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'en';

  function localTimes(root) {
    var spans = (root || document).querySelectorAll('.local-time[data-time]');
    for (var i = 0; i < spans.length; i++) {
      var span = spans[i];
      var time = new Date(span.getAttribute('data-time'));
      if (isNaN(time.getTime())) { continue; }
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      var text = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
      span.textContent = text + ' (' + span.getAttribute('data-label') + (zone ? ', ' + zone : '') + ')';
    }
  }

  var lastHeight = 0;
  function reportHeight() {
    if (window.parent === window) { return; }
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== lastHeight) {
      lastHeight = height;
      window.parent.postMessage({ type: 'citycoop-finder:height', height: height }, '*');
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    localTimes(document);
    reportHeight();
    if (window.ResizeObserver) {
      new ResizeObserver(reportHeight).observe(document.body);
    }
  });
  document.addEventListener('htmx:afterSettle', function (event) {
    localTimes(event.target);
    reportHeight();
  });
})();
