// Service alerts (issue 23), progressive enhancement: a reader may hide an information or
// warning alert; the choice is kept in localStorage per alert version (an edited alert
// shows again). Emergencies have no button. Without JavaScript or storage every alert shows.
(function () {
  "use strict";
  var KEY = "portal.hiddenAlerts";
  var banner = document.querySelector("[data-alert-banner]");
  if (!banner) return;
  var hidden;
  try {
    hidden = JSON.parse(window.localStorage.getItem(KEY) || "[]");
    if (!Array.isArray(hidden)) hidden = [];
  } catch (e) {
    return; // storage blocked: nothing can be remembered, so nothing is offered
  }
  function save() {
    try {
      // Only the versions still shown somewhere matter; keep the list short.
      window.localStorage.setItem(KEY, JSON.stringify(hidden.slice(-50)));
    } catch (e) {
      /* full or blocked: the alert is hidden for this page only */
    }
  }
  var items = banner.querySelectorAll("[data-dismissible]");
  var left = banner.querySelectorAll(".alert").length;
  function hide(item) {
    item.hidden = true;
    left -= 1;
    if (left === 0) banner.hidden = true;
  }
  Array.prototype.forEach.call(items, function (item) {
    var id = item.getAttribute("data-alert-id");
    if (hidden.indexOf(id) >= 0) {
      hide(item);
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "alert-hide";
    button.textContent = banner.getAttribute("data-hide-text");
    button.setAttribute("aria-label", item.getAttribute("data-hide-label"));
    button.addEventListener("click", function () {
      hidden.push(id);
      save();
      // Focus would be lost with the alert: move it to the next one, or to the main content.
      var next = item.nextElementSibling;
      hide(item);
      var target = next && !next.hidden ? next.querySelector("a") : document.getElementById("main");
      if (target) target.focus();
    });
    item.appendChild(button);
  });
})();
