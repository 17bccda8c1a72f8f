/*
 * Runs before the task pane's bundle, as plain ES5 (it must parse in Internet Explorer 11 and EdgeHTML).
 * Old Office shows add-ins in those webviews, where the pane cannot run: show the static message of
 * taskpane.html (#legacy-office) instead and remove #root, so that the bundle does nothing there.
 */
(function () {
  // EdgeHTML says "Edge/18…" in its user agent; Chromium Edge (WebView2) says "Edg/".
  var edgeHtml = / Edge\/\d/.test(navigator.userAgent);
  var legacy = !!document.documentMode || edgeHtml || typeof Promise === 'undefined' || typeof fetch === 'undefined';
  if (!legacy) return;
  var root = document.getElementById('root');
  if (root && root.parentNode) root.parentNode.removeChild(root);
  var box = document.getElementById('legacy-office');
  if (box) box.style.display = 'block';
})();
