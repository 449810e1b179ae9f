// The virtual assistant on every public page. Without JavaScript the button is a link to the
// full-page chat (/tro-ly), whose forms post and reload; with it, the chat opens in a panel and
// questions are sent without leaving the page. Staff replies to handed-over questions are
// fetched every few seconds while one is awaited.
(function () {
  'use strict';
  var POLL_MS = 8000;

  function procedureContext() {
    var m = /^\/p\/\d{2,5}\/(\d\.\d{6})/.exec(location.pathname);
    return m ? m[1] : '';
  }

  function scrollDown(box) {
    var log = box.querySelector('.as-log');
    if (log) log.scrollTop = log.scrollHeight;
  }

  /** A photo for a chat submission: the form's file, as multipart. */
  function upload(form, box) {
    if (box.getAttribute('aria-busy') === 'true') return;
    box.setAttribute('aria-busy', 'true');
    return fetch(form.getAttribute('action') + '?fragment=1', { method: 'POST', headers: { accept: 'application/json' }, body: new FormData(form), credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) throw new Error('http ' + r.status);
        return r.json();
      })
      .then(function (res) { show(box, res); })
      .catch(function () { form.submit(); })
      .then(function () { box.removeAttribute('aria-busy'); });
  }

  function show(box, res) {
    // Quick replies and the photo button belong to the latest answer only.
    Array.prototype.forEach.call(box.querySelectorAll('.as-quick, .as-upload'), function (f) { f.remove(); });
    box.querySelector('.as-log').insertAdjacentHTML('beforeend', res.html);
    box.setAttribute('data-last', String(res.last));
    box.setAttribute('data-waiting', res.waiting ? '1' : '0');
    bind(box);
    scrollDown(box);
    if (res.waiting) poll(box);
  }

  function post(form, box, submitter) {
    if (form.classList.contains('as-upload')) return upload(form, box);
    var data = new URLSearchParams();
    var fd = new FormData(form);
    fd.forEach(function (v, k) { if (k !== 'q') data.append(k, String(v)); });
    var q = submitter && submitter.name === 'q' ? submitter.value : String(fd.get('q') || '');
    if (!q.trim()) return;
    data.append('q', q);
    var ctx = procedureContext();
    if (ctx) data.append('ctx', ctx);
    var input = box.querySelector('.as-ask input[name=q]');
    // One question at a time; the buttons stay enabled (a disabled default button would block
    // pressing Enter in the box).
    if (box.getAttribute('aria-busy') === 'true') return;
    box.setAttribute('aria-busy', 'true');
    return fetch('/tro-ly?fragment=1', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: data.toString(), credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) throw new Error('http ' + r.status);
        return r.json();
      })
      .then(function (res) {
        if (input) input.value = '';
        show(box, res);
      })
      .catch(function () {
        // The page still works: fall back to an ordinary form post.
        form.submit();
      })
      .then(function () {
        box.removeAttribute('aria-busy');
        if (input) input.focus();
      });
  }

  function bind(box) {
    Array.prototype.forEach.call(box.querySelectorAll('form.as-form'), function (form) {
      if (form.getAttribute('data-bound')) return;
      form.setAttribute('data-bound', '1');
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        post(form, box, e.submitter);
      });
    });
  }

  function poll(box) {
    if (box.getAttribute('data-polling')) return;
    box.setAttribute('data-polling', '1');
    var timer = setInterval(function () {
      if (box.getAttribute('data-waiting') !== '1' || !document.body.contains(box)) {
        clearInterval(timer);
        box.removeAttribute('data-polling');
        return;
      }
      fetch('/tro-ly/tin-moi?sau=' + encodeURIComponent(box.getAttribute('data-last') || '0') + '&dv=' + encodeURIComponent(box.getAttribute('data-unit') || ''), { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (res) {
          if (!res) return;
          if (res.html) {
            box.querySelector('.as-log').insertAdjacentHTML('beforeend', res.html);
            bind(box);
            scrollDown(box);
          }
          box.setAttribute('data-last', String(res.last));
          box.setAttribute('data-waiting', res.waiting ? '1' : '0');
        })
        .catch(function () {});
    }, POLL_MS);
  }

  // The full-page chat: same behaviour, no panel.
  var pageBox = document.querySelector('.as-page .as-box');
  if (pageBox) {
    bind(pageBox);
    scrollDown(pageBox);
    if (pageBox.getAttribute('data-waiting') === '1') poll(pageBox);
  }

  var fab = document.querySelector('a.as-fab');
  if (!fab) return;
  var panel = null;

  function close() {
    if (!panel) return;
    panel.hidden = true;
    fab.setAttribute('aria-expanded', 'false');
    fab.focus();
  }

  function open() {
    if (panel) {
      panel.hidden = false;
      fab.setAttribute('aria-expanded', 'true');
      var i = panel.querySelector('.as-ask input[name=q]');
      if (i) i.focus();
      return;
    }
    panel = document.createElement('section');
    panel.className = 'as-panel';
    panel.id = 'as-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Trợ lý ảo');
    panel.innerHTML = '<div class="as-head"><h2>Trợ lý ảo</h2><a class="as-full" href="' + fab.getAttribute('href') + '">Mở toàn trang</a><button type="button" class="as-close" aria-label="Đóng trợ lý">×</button></div><div class="as-body"><p>Đang mở…</p></div>';
    document.body.appendChild(panel);
    fab.setAttribute('aria-controls', 'as-panel');
    fab.setAttribute('aria-expanded', 'true');
    panel.querySelector('.as-close').addEventListener('click', close);
    panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') close(); });
    var unit = fab.getAttribute('data-assistant') || '';
    fetch('/tro-ly/khung' + (unit ? '?dv=' + encodeURIComponent(unit) : ''), { credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) throw new Error('http ' + r.status);
        return r.text();
      })
      .then(function (text) {
        var body = panel.querySelector('.as-body');
        body.innerHTML = text;
        var box = body.querySelector('.as-box');
        bind(box);
        scrollDown(box);
        if (box.getAttribute('data-waiting') === '1') poll(box);
        var i = box.querySelector('.as-ask input[name=q]');
        if (i) i.focus();
      })
      .catch(function () { location.href = fab.getAttribute('href'); });
  }

  fab.setAttribute('role', 'button');
  fab.setAttribute('aria-expanded', 'false');
  fab.addEventListener('click', function (e) {
    e.preventDefault();
    if (panel && !panel.hidden) close();
    else open();
  });
})();
