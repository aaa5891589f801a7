// CityCoop scheme finder, embedding helper: sizes every <iframe data-citycoop-finder> to the height of the page inside
// it. The finder's pages post { type: 'citycoop-finder:height', height } to their parent; only messages from a frame's
// own window and from the finder's origin are taken.
(function () {
  'use strict';
  var script = document.currentScript;
  var finderOrigin = script ? new URL(script.src, document.baseURI).origin : null;
  window.addEventListener('message', function (event) {
    if (!event.data || event.data.type !== 'citycoop-finder:height' || typeof event.data.height !== 'number') { return; }
    if (finderOrigin && event.origin !== finderOrigin) { return; }
    var frames = document.querySelectorAll('iframe[data-citycoop-finder]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(200, Math.min(event.data.height, 20000)) + 'px';
      }
    }
  });
})();
