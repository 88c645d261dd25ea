// sepconv embeds: include this once on a page with sepconv iframes, and each frame takes
// the height its panel reports (a message {type: "sepconv:resize", id, height}), so that
// nothing is cropped and nothing scrolls inside the frame. A frame is found by the window
// the message came from; an iframe whose id equals the message's id is sized too. Frames
// that reported before this script ran are asked again ({type: "sepconv:report"}).
(function () {
  'use strict';
  addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'sepconv:resize' || !(data.height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      var named = typeof data.id === 'string' && data.id !== '' && frame.id === data.id;
      if (frame.contentWindow === event.source || named) {
        frame.style.height = Math.ceil(data.height) + 'px';
      }
    }
  });
  function ask() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: 'sepconv:report' }, '*');
    }
  }
  ask();
  // Frames still loading report on their own once they run; late ones are asked once more.
  addEventListener('load', ask);
})();
