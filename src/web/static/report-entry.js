// Report entry (issue 12): saves each value as it is typed (the form still works without JS, with
// its "Lưu số liệu" button). One field per request to the form's data-autosave address; the answer
// says "Đã lưu", or the Vietnamese message of the value's problem, or the rules not met.
(function () {
  var form = document.querySelector('form[data-autosave]');
  if (!form) return;
  var url = form.getAttribute('data-autosave');
  var csrf = form.querySelector('input[name=_csrf]').value;
  function statusOf(el) {
    var s = el.parentNode.querySelector('[data-status]');
    return s || { textContent: '' };
  }
  function save(el) {
    var st = statusOf(el);
    st.textContent = 'Đang lưu…';
    var body = new URLSearchParams();
    body.append('_csrf', csrf);
    body.append('field', el.name);
    body.append('value', el.value);
    fetch(url, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body: body, credentials: 'same-origin' })
      .then(function (r) {
        return r.json().then(function (j) {
          return { ok: r.ok, j: j };
        });
      })
      .then(function (x) {
        if (x.ok) {
          el.removeAttribute('aria-invalid');
          st.textContent = x.j.warnings && x.j.warnings.length ? 'Đã lưu. Lưu ý: ' + x.j.warnings.join(' ') : 'Đã lưu.';
        } else {
          el.setAttribute('aria-invalid', 'true');
          var f = x.j.error && x.j.error.fields && x.j.error.fields[0];
          st.textContent = 'Chưa lưu: ' + (f ? f.message : x.j.error ? x.j.error.message : 'lỗi');
        }
      })
      .catch(function () {
        st.textContent = 'Chưa lưu được (mất kết nối?). Bấm "Lưu số liệu" khi có mạng.';
      });
  }
  form.addEventListener('change', function (e) {
    var el = e.target;
    if (el && el.hasAttribute && el.hasAttribute('data-save')) save(el);
  });
})();
