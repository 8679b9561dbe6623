// Alt+click on a link: the browser downloads it itself (as in IDM). Tells the background which
// address the next download comes from; it is let through once, within a few seconds (and, in
// Firefox, which does nothing with an Alt+click, the background starts it).
"use strict";
(globalThis.browser ?? globalThis.chrome).runtime && document.addEventListener("click", (event) => {
  if (!event.altKey || !event.isTrusted)
    return; // only the user's own click: a page cannot keep its downloads from bytehaul
  const link = event.target instanceof Element ? event.target.closest("a[href], area[href]") : null;
  if (link)
    (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: "bypass", url: link.href });
}, true);
