// The counter queue's pages (issue 13): the TV display, the citizen's live page, the kiosk, the
// ticket slip and the counter screen. Every page works without this script (refresh); with it,
// Server-Sent Events update the page at once, and a lost network is shown and recovered from.
(function () {
  'use strict';
  var body = document.body;
  var live = document.getElementById('q-live');
  var kind = body.getAttribute('data-queue') || (live ? 'counter' : null);
  var net = document.getElementById('q-net');
  function offline(on) {
    if (net) net.className = on ? 'net off' : 'net';
  }
  function text(id, s) {
    var el = document.getElementById(id);
    if (el) el.textContent = s;
  }

  /** An EventSource that shows when it is cut off and reconnects by itself (also after a CLOSED). */
  function stream(url, handlers) {
    var es;
    var timer;
    function open() {
      es = new EventSource(url);
      es.onopen = function () {
        offline(false);
      };
      es.onerror = function () {
        offline(true);
        if (es.readyState === 2) {
          clearTimeout(timer);
          timer = setTimeout(open, 3000);
        }
      };
      Object.keys(handlers).forEach(function (name) {
        es.addEventListener(name, function (e) {
          offline(false);
          handlers[name](JSON.parse(e.data));
        });
      });
    }
    open();
    window.addEventListener('online', function () {
      if (es.readyState === 2) open();
    });
  }

  // ---- the citizen's live page ----
  if (kind === 'ticket') {
    stream(body.getAttribute('data-stream'), {
      ticket: function (t) {
        var turn = document.getElementById('q-turn');
        var called = t.status === 'called' || t.status === 'serving';
        if (turn) turn.className = 'turn card' + (called ? ' now' : '');
        var msg;
        if (t.status === 'waiting') msg = t.position === 0 ? 'Bạn là người tiếp theo' : 'Còn ' + t.position + ' người trước bạn';
        else if (called) msg = 'Đến lượt bạn — ' + String(t.counterName || 'quầy ' + t.counter).toLowerCase();
        else if (t.status === 'done') msg = 'Đã phục vụ xong. Cảm ơn bạn.';
        else if (t.status === 'no_show') msg = 'Số đã bị bỏ qua vì vắng mặt khi được gọi. Mời lấy số mới.';
        else msg = 'Số đã hết hiệu lực (hết giờ làm việc hoặc đã hủy).';
        text('q-msg', msg);
        text('q-wait', t.status !== 'waiting' ? '' : t.estimatedWaitMinutes > 0 ? 'Dự kiến chờ khoảng ' + t.estimatedWaitMinutes + ' phút.' : 'Sắp đến lượt: xin có mặt gần quầy.');
        if (called && navigator.vibrate) navigator.vibrate([300, 100, 300]);
      },
    });
  }

  // ---- the TV display ----
  if (kind === 'display') {
    var unit = body.getAttribute('data-unit');
    var chime = body.getAttribute('data-chime') === '1';
    var speak = body.getAttribute('data-speak') === '1';
    var ctx = null;
    var lastKey = null;
    var soundBtn = document.getElementById('q-sound');
    // Browsers play sound only after a touch on the page: the button (or any click) unlocks it.
    function unlock() {
      if (!ctx && (window.AudioContext || window.webkitAudioContext)) ctx = new (window.AudioContext || window.webkitAudioContext)();
      if (ctx && ctx.state === 'suspended') ctx.resume();
      if (soundBtn) soundBtn.textContent = chime || speak ? 'Âm thanh: bật' : 'Chế độ yên lặng';
    }
    if (soundBtn) soundBtn.addEventListener('click', unlock);
    document.addEventListener('click', unlock);
    function ding() {
      if (!ctx) return;
      [880, 660].forEach(function (f, i) {
        var o = ctx.createOscillator();
        var g = ctx.createGain();
        o.frequency.value = f;
        g.gain.setValueAtTime(0.0001, ctx.currentTime + i * 0.45);
        g.gain.exponentialRampToValueAtTime(0.4, ctx.currentTime + i * 0.45 + 0.02);
        g.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.45 + 0.42);
        o.connect(g).connect(ctx.destination);
        o.start(ctx.currentTime + i * 0.45);
        o.stop(ctx.currentTime + i * 0.45 + 0.45);
      });
    }
    function say(call) {
      var a = new Audio('/dv/' + encodeURIComponent(unit) + '/hang-cho/loi-goi.wav?so=' + encodeURIComponent(call.number) + '&quay=' + encodeURIComponent(call.counter));
      a.play().catch(function () {});
    }
    function render(b) {
      var rows = document.getElementById('q-counters');
      if (rows) {
        rows.textContent = '';
        b.counters.forEach(function (c) {
          var tr = document.createElement('tr');
          tr.setAttribute('data-counter', c.code);
          var td1 = document.createElement('td');
          td1.textContent = c.name;
          var td2 = document.createElement('td');
          td2.className = 'no';
          td2.textContent = c.number || '—';
          if (c.priority) {
            var s = document.createElement('span');
            s.className = 'prio';
            s.textContent = 'Ưu tiên';
            td2.appendChild(s);
          }
          tr.appendChild(td1);
          tr.appendChild(td2);
          rows.appendChild(tr);
        });
      }
      var last = document.getElementById('q-last');
      if (last) {
        last.textContent = 'Vừa gọi: ';
        b.lastCalls.forEach(function (l) {
          var s = document.createElement('span');
          s.textContent = l.number + ' → ' + l.counterName;
          last.appendChild(s);
        });
      }
      text('q-wait', 'Đang chờ: ' + b.waiting.map(function (w) { return w.name + ': ' + w.count; }).join(' · '));
      var call = b.lastCalls[0];
      var key = call ? call.ticketId + ':' + call.recall : '';
      if (lastKey !== null && call && key !== lastKey) {
        var tr2 = rows && rows.querySelector('tr[data-counter="' + call.counter + '"]');
        if (tr2) {
          tr2.className = 'flash';
          setTimeout(function () { tr2.className = ''; }, 4000);
        }
        if (chime) ding();
        if (speak) setTimeout(function () { say(call); }, chime ? 900 : 0);
      }
      lastKey = key;
    }
    stream(body.getAttribute('data-stream'), { board: render });
  }

  // ---- the kiosk: shows a lost network and refuses taps until it is back ----
  if (kind === 'kiosk') {
    var buttons = document.querySelectorAll('button.big');
    function ping() {
      var done = false;
      var t = setTimeout(function () { if (!done) set(false); }, 4000);
      fetch('/healthz', { cache: 'no-store' }).then(function (r) { done = true; clearTimeout(t); set(r.ok); }, function () { done = true; clearTimeout(t); set(false); });
    }
    function set(ok) {
      offline(!ok);
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = !ok;
    }
    window.addEventListener('offline', function () { set(false); });
    window.addEventListener('online', ping);
    setInterval(ping, 5000);
  }

  // ---- the slip: print through the browser (a receipt printer as the default printer) ----
  if (kind === 'slip') {
    var p = document.getElementById('q-print');
    if (p) p.addEventListener('click', function () { window.print(); });
    if (body.getAttribute('data-print') === '1') setTimeout(function () { window.print(); }, 300);
  }

  // ---- the counter screen: the waiting list follows the queue ----
  if (kind === 'counter') {
    var busy = false;
    stream(live.getAttribute('data-stream'), {
      board: function () {
        if (busy) return;
        busy = true;
        fetch(location.pathname + location.search, { cache: 'no-store', credentials: 'same-origin' })
          .then(function (r) { return r.text(); })
          .then(function (html) {
            var doc = new DOMParser().parseFromString(html, 'text/html');
            ['q-current', 'q-waiting'].forEach(function (id) {
              var fresh = doc.getElementById(id);
              var here = document.getElementById(id);
              if (fresh && here) here.innerHTML = fresh.innerHTML;
            });
          })
          .catch(function () {})
          .then(function () { busy = false; });
      },
    });
  }
})();
