// Live progress on a run page over the server's events; the page is complete without it.
(function () {
  var el = document.getElementById('progress');
  if (!el || !window.EventSource) { return; }
  var state = document.getElementById('run-state');
  if (!state || ['QUEUED', 'RUNNING'].indexOf(state.textContent.trim()) < 0) { return; }
  var done = document.getElementById('run-done');
  var source = new EventSource(el.getAttribute('data-events'));
  source.onmessage = function (e) {
    var p = JSON.parse(e.data);
    state.textContent = p.state;
    if (done) { done.textContent = String(p.done); }
    if (['QUEUED', 'RUNNING'].indexOf(p.state) < 0) {
      source.close();
      window.location.reload();
    }
  };
  source.onerror = function () { source.close(); };
})();
