// Development only (loaded by views/layouts/base.njk when NODE_ENV=development):
// reloads the page when the content changes. The server sends the current content
// revision on connect and after every change (Server-Sent Events, /_dev/events).
// Without EventSource the page simply does not reload by itself.
(function () {
  "use strict";
  if (typeof window.EventSource !== "function") return;
  var seen = null;
  var source = new EventSource("/_dev/events");
  source.addEventListener("content", function (event) {
    if (seen === null) {
      seen = event.data;
    } else if (event.data !== seen) {
      source.close();
      window.location.reload();
    }
  });
})();
