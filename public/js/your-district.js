// "Your district" on the home page: progressive enhancement of a plain list of links.
// The district a resident opens from the list is remembered in this browser only
// (localStorage: never a cookie, never sent to the server); on the next visit it is
// offered first. Without script, or with storage blocked, the list works as it is.
(function () {
  "use strict";
  var KEY = "portal.district";
  var picker = document.querySelector("[data-district-picker]");
  if (!picker) return;
  var box = picker.querySelector("[data-your-district]");
  var links = picker.querySelectorAll("a[data-district]");

  function remember(id) {
    try {
      window.localStorage.setItem(KEY, id);
    } catch (e) {
      /* storage blocked (private mode, policy): nothing to remember */
    }
  }

  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", function (event) {
      remember(event.currentTarget.getAttribute("data-district"));
    });
  }

  var stored = null;
  try {
    stored = window.localStorage.getItem(KEY);
  } catch (e) {
    return;
  }
  if (!stored || !box) return;
  for (var j = 0; j < links.length; j++) {
    if (links[j].getAttribute("data-district") !== stored) continue;
    var p = document.createElement("p");
    p.textContent = picker.getAttribute("data-your-label") + " ";
    var a = document.createElement("a");
    a.setAttribute("href", links[j].getAttribute("href"));
    a.textContent = links[j].textContent;
    a.className = "more";
    p.appendChild(a);
    box.appendChild(p);
    box.hidden = false;
    return;
  }
})();
