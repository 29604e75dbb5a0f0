// Meeting mode: the server says when either watched draft was read again; the redline frame reloads
// (keeping its scroll position) when a new redline was made, and the notice says when a save could not
// be read, while the last good redline stays on screen.
(function () {
  'use strict';
  var frame = document.getElementById('redline');
  var notice = document.getElementById('notice');
  var stamp = document.getElementById('stamp');
  var token = new URLSearchParams(location.search).get('t') || '';
  var shown = frame.getAttribute('data-good');
  function clock(ms) {
    return ms ? new Date(ms).toLocaleTimeString() : '';
  }
  function show(state) {
    if (state.notice) {
      notice.textContent = state.notice + (state.good_at
        ? ' \u2014 still showing the redline read at ' + clock(state.good_at) + '.'
        : '');
      notice.hidden = false;
    } else {
      notice.textContent = '';
      notice.hidden = true;
    }
    stamp.textContent = state.good_at ? 'Redline read at ' + clock(state.good_at) : '';
    var good = String(state.good);
    if (good !== shown) {
      shown = good;
      var y = 0;
      try { y = frame.contentWindow.scrollY; } catch (e) { y = 0; }
      frame.addEventListener('load', function restore() {
        frame.removeEventListener('load', restore);
        try { frame.contentWindow.scrollTo(0, y); } catch (e) { /* a new page: top */ }
      });
      frame.src = '/meeting/redline?t=' + encodeURIComponent(token) + '&g=' + encodeURIComponent(good);
    }
  }
  var events = new EventSource('/events?t=' + encodeURIComponent(token));
  events.onmessage = function (event) {
    show(JSON.parse(event.data));
  };
  events.onerror = function () {
    notice.textContent = 'No contact with pakta serve (was it stopped?); the redline below is the last one shown.';
    notice.hidden = false;
  };
  document.body.setAttribute('data-script', 'ran');
})();
