// The fake's in-page "React": plain ES2017 kept as a string (no bundler helpers can leak in).
//
// Imitates what docs/azure-devops-pages.md says content scripts must survive:
// - SPA navigation: clicks on `a[data-spa]` and back/forward change the URL with `history.pushState`
//   (GK listens to `onHistoryStateUpdated`; AZ: "AzDO acts as a single-page application"), then the
//   next route's markup is fetched from the server and reconciled into `body > div.full-size` the way
//   React does (docs/azure-devops-pages.md#navigation): nodes that stay in the next render are kept and
//   patched (attributes, text), new ones are inserted, gone ones removed, and nodes the fake did not
//   render (an extension's buttons) are never touched. The view `<main>` is keyed by its URL path: a
//   change of query only (branch picker, PR tabs, file path) keeps the header, its command bar and
//   whatever an extension put in them, while only the branch label and the lists change; a new path
//   mounts a new view. `#dataProviders` is NOT updated, as in ADO (AZ: pageData "doesn't always get
//   updated when moving between page-to-page").
// - Late anchors: nodes marked `data-fake-ado-deferred` are taken out at once and inserted after the
//   view's `data-anchor-delay` (≥300 ms on PR pages, GK waits 300 ms there), then replaced once more by
//   fresh copies (React re-renders, AZ issue #172), dropping whatever an extension put inside them
//   (first render of a route only): 100 ms after an extension first adds a node of its own anywhere in
//   the app, the moment a re-render hurts most, or after `data-rerender-delay` when none does. A view served with `?fake-ado-anchors=late`
//   (`data-anchor-delay="-1"`) renders them only when the page gets a `fake-ado-render` event, so a test
//   decides when the anchors arrive instead of racing a clock. The view root gets `data-fake-ado-rendered="1"`, then `"2"`, so tests can
//   wait for each step. A view with `data-fake-ado-instant` keeps its served markup untouched.
// - Branch picker: `.version-dropdown > button` opens the branch list; picking one navigates with
//   `?version=GB{branch}` like any SPA link, which re-renders the label.
// - Theme switch: `#__bolt-changeThemeLink` swaps the body theme class live and stores a cookie.
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var root = document.querySelector('body > div.full-size');
  if (!root || window.__fakeAdoClient) return;
  window.__fakeAdoClient = true;

  var forEach = Array.prototype.forEach;
  var generation = 0;
  // How soon after an extension first adds a node the second render comes: its other buttons may still be on their way.
  var EXTENSION_RERENDER_DELAY = 100;
  var timers = [];
  var currentUrl = withoutHash(location.href);

  function withoutHash(href) { return href.split('#')[0]; }
  function schedule(fn, ms) {
    var id = setTimeout(function () {
      timers = timers.filter(function (other) { return other !== id; });
      fn();
    }, ms);
    timers.push(id);
    return id;
  }
  function unschedule(id) {
    clearTimeout(id);
    timers = timers.filter(function (other) { return other !== id; });
  }
  var watchers = [];
  function cancelScheduled() {
    timers.forEach(clearTimeout);
    timers = [];
    watchers.forEach(function (watcher) { watcher.disconnect(); });
    watchers = [];
  }
  function viewRoot() { return root.querySelector('[data-fake-ado-view]'); }
  function numberAttribute(element, name, fallback) {
    var value = element ? Number(element.getAttribute(name)) : NaN;
    return element && element.hasAttribute(name) && isFinite(value) ? value : fallback;
  }

  function mountView() {
    cancelScheduled();
    var view = viewRoot();
    if (!view || view.hasAttribute('data-fake-ado-instant')) return;
    var delay = numberAttribute(view, 'data-anchor-delay', 100);
    var rerenderDelay = numberAttribute(view, 'data-rerender-delay', 1000);
    var slots = [];
    forEach.call(root.querySelectorAll('[data-fake-ado-deferred]'), function (element) {
      if (element.parentElement && element.parentElement.closest('[data-fake-ado-deferred]')) return;
      var marker = document.createComment('fake-ado-anchor');
      element.replaceWith(marker);
      slots.push({ marker: marker, template: element, current: null });
    });
    function render(step) {
      slots.forEach(function (slot) {
        var fresh = adopt(slot.template.cloneNode(true));
        if (slot.current && slot.current.parentNode) slot.current.replaceWith(fresh);
        else if (slot.marker.parentNode) slot.marker.parentNode.insertBefore(fresh, slot.marker.nextSibling);
        slot.current = fresh;
      });
      view.setAttribute('data-fake-ado-rendered', String(step));
    }
    function first() {
      render(1);
      if (rerenderDelay < 0) return;
      // The second render comes soon after an extension first puts a node of its own in the app (the
      // moment a re-render hurts most), or after the delay when none does.
      // Whichever comes first: the other is dropped, so that no timer is left pending once the route
      // has rendered for the last time (a pending one makes a query-only navigation a fresh mount).
      var soon = null;
      function second() {
        unschedule(latest);
        if (soon !== null) unschedule(soon);
        watcher.disconnect();
        render(2);
      }
      var watcher = new MutationObserver(function (records) {
        var foreign = records.some(function (record) {
          return Array.prototype.some.call(record.addedNodes, function (node) { return !owned.has(node); });
        });
        if (foreign) {
          watcher.disconnect();
          soon = schedule(second, EXTENSION_RERENDER_DELAY);
        }
      });
      watcher.observe(root, { childList: true, subtree: true });
      watchers.push(watcher);
      var latest = schedule(second, rerenderDelay);
    }
    // A negative delay: the anchors wait for the test to say when (a 'fake-ado-render' event on document).
    if (delay >= 0) schedule(first, delay);
    else document.addEventListener('fake-ado-render', function () { if (viewRoot() === view) first(); }, { once: true });
  }

  // --- React-like reconciliation -------------------------------------------------------------
  // Nodes the fake rendered are "owned"; each owned element remembers the attributes it was rendered
  // with. Reconciling diffs the previous render against the next one (as React diffs props, not the
  // DOM): attributes the extension set, and nodes it inserted, are left alone.
  var owned = new WeakSet();
  var renderedAttributes = new WeakMap();
  function attributesOf(element) {
    var out = {};
    forEach.call(element.attributes, function (attribute) { out[attribute.name] = attribute.value; });
    return out;
  }
  function adopt(node) {
    owned.add(node);
    if (node.nodeType !== 1) return node;
    renderedAttributes.set(node, attributesOf(node));
    forEach.call(node.childNodes, adopt);
    return node;
  }
  function keyOf(node) {
    if (node.nodeType === 1) return node.getAttribute('data-fake-ado-key') || ('<' + node.tagName);
    return '#' + node.nodeType;
  }
  function patchAttributes(live, next) {
    var before = renderedAttributes.get(live) || {};
    var after = attributesOf(next);
    Object.keys(before).forEach(function (name) { if (!(name in after)) live.removeAttribute(name); });
    Object.keys(after).forEach(function (name) { if (before[name] !== after[name]) live.setAttribute(name, after[name]); });
    renderedAttributes.set(live, after);
  }
  function reconcile(live, next) {
    if (live.nodeType !== 1) {
      if (live.nodeValue !== next.nodeValue) live.nodeValue = next.nodeValue;
      return;
    }
    patchAttributes(live, next);
    if (live.tagName === 'TEXTAREA' || live.tagName === 'SCRIPT') return;
    // Owned children are matched by key (data-fake-ado-key) or else by node type, tag and order.
    var pool = {};
    forEach.call(live.childNodes, function (child) {
      if (!owned.has(child)) return;
      var key = keyOf(child);
      (pool[key] = pool[key] || []).push(child);
    });
    var placed = null;
    forEach.call(Array.prototype.slice.call(next.childNodes), function (nextChild) {
      var candidates = pool[keyOf(nextChild)];
      var match = candidates && candidates.length ? candidates.shift() : null;
      var node;
      if (match) {
        reconcile(match, nextChild);
        node = match;
        var inOrder = placed === null || (placed.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (!inOrder) live.insertBefore(node, placed.nextSibling);
      } else {
        node = adopt(document.importNode(nextChild, true));
        live.insertBefore(node, placed ? placed.nextSibling : firstOwnedChild(live));
      }
      placed = node;
    });
    Object.keys(pool).forEach(function (key) { pool[key].forEach(function (stale) { stale.remove(); }); });
  }
  function firstOwnedChild(element) {
    for (var child = element.firstChild; child; child = child.nextSibling) if (owned.has(child)) return child;
    return null;
  }

  function navigate(url, push) {
    var ticket = ++generation;
    var previousPath = new URL(currentUrl).pathname;
    // Only the query changes (branch picker, PR tabs, file path): the route stays mounted and React
    // re-renders it in place. Anchors still waiting for their first render make it a fresh mount.
    var sameRoute = new URL(url, location.href).pathname === previousPath && timers.length === 0;
    cancelScheduled();
    closeMenus();
    if (push) history.pushState(null, '', url);
    currentUrl = withoutHash(location.href);
    // A new route unmounts the old one right away: its anchors must not linger under the new URL.
    if (!sameRoute) forEach.call(root.querySelectorAll('[data-fake-ado-deferred]'), function (element) { element.remove(); });
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        if (ticket !== generation) return;
        var next = new DOMParser().parseFromString(text, 'text/html');
        var nextRoot = next.querySelector('body > div.full-size');
        if (!nextRoot) { location.reload(); return; }
        var nextMain = nextRoot.querySelector('[data-fake-ado-key]');
        var liveMain = root.querySelector('[data-fake-ado-key]');
        // The view's key is its path: a new path mounts a new view even if markup looks alike.
        if (!sameRoute && liveMain && nextMain && liveMain.getAttribute('data-fake-ado-key') === nextMain.getAttribute('data-fake-ado-key')) {
          liveMain.remove();
        }
        reconcile(root, nextRoot);
        if (next.title) document.title = next.title;
        if (!sameRoute) {
          var view = viewRoot();
          if (view) view.removeAttribute('data-fake-ado-rendered');
          mountView();
        }
      })
      .catch(function () { if (ticket === generation) location.assign(url); });
  }

  function branchMenu() { return root.querySelector('.fake-ado-branch-menu'); }
  function closeMenus() {
    var menu = branchMenu();
    if (menu) menu.hidden = true;
    forEach.call(root.querySelectorAll('.version-dropdown > button[aria-expanded="true"]'), function (button) {
      button.setAttribute('aria-expanded', 'false');
    });
  }
  function toggleBranchMenu(button) {
    var menu = branchMenu();
    if (!menu) return;
    if (!menu.hidden) { closeMenus(); return; }
    var rect = button.getBoundingClientRect();
    menu.style.top = (rect.bottom + window.scrollY + 4) + 'px';
    menu.style.left = (rect.left + window.scrollX) + 'px';
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
  }

  function toggleTheme() {
    var body = document.body;
    var dark = !body.classList.contains('ms-vss-web-vsts-theme-dark');
    body.classList.toggle('ms-vss-web-vsts-theme-dark', dark);
    body.classList.toggle('ms-vss-web-vsts-theme', !dark);
    document.cookie = 'fake-ado-theme=' + (dark ? 'dark' : 'light') + '; path=/; SameSite=Lax';
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !root.contains(target)) return;
    var picker = target.closest('.version-dropdown > button');
    if (picker) { event.preventDefault(); toggleBranchMenu(picker); return; }
    if (target.closest('#__bolt-changeThemeLink')) { event.preventDefault(); toggleTheme(); return; }
    if (!target.closest('.fake-ado-branch-menu')) closeMenus();
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var anchor = target.closest('a[data-spa]');
    if (!anchor || (anchor.target && anchor.target !== '_self')) return;
    var url = new URL(anchor.getAttribute('href') || '', location.href);
    if (url.origin !== location.origin) return;
    event.preventDefault();
    navigate(url.href, true);
  });
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape') closeMenus(); });
  window.addEventListener('popstate', function () {
    if (withoutHash(location.href) === currentUrl) return;
    navigate(location.href, false);
  });

  adopt(root);
  mountView();
})();`;
