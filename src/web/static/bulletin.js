// Electronic bulletin: moves to the next procedure after a delay; a button pauses it (WCAG 2.2.2).
(function () {
  var next = document.querySelector('a[rel=next]');
  var btn = document.getElementById('b-pause');
  if (!next || !btn) return;
  var seconds = Number(document.body.getAttribute('data-seconds') || '15');
  var timer = setTimeout(go, seconds * 1000);
  function go() { location.href = next.href; }
  btn.hidden = false;
  btn.addEventListener('click', function () {
    if (timer) { clearTimeout(timer); timer = 0; btn.textContent = 'Tiếp tục chạy'; }
    else { timer = setTimeout(go, seconds * 1000); btn.textContent = 'Tạm dừng'; }
  });
})();
