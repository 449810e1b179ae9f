// Submission form: scan the QR code printed on a chip-based ID card with the phone's camera and
// put its text in the "Nội dung mã QR" box; the server parses and checks it ("Điền thông tin từ mã").
// Decoding uses jsQR served by this site (no network). Without JavaScript the box is typed/pasted.
(function () {
  var wrap = document.querySelector('.cccd-scan');
  var btn = document.getElementById('cccd-camera');
  var video = document.getElementById('cccd-video');
  var text = document.getElementById('cccd-text');
  if (!wrap || !btn || !video || !text || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  wrap.hidden = false;
  var stream = null;
  function stop() {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    video.hidden = true;
    btn.textContent = 'Mở camera để quét';
  }
  function load(cb) {
    if (window.jsQR) return cb();
    var s = document.createElement('script');
    s.src = '/static/jsqr.js';
    s.onload = cb;
    document.head.appendChild(s);
  }
  btn.addEventListener('click', function () {
    if (stream) return stop();
    load(function () {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        video.play();
        btn.textContent = 'Tắt camera';
        var canvas = document.createElement('canvas');
        var ctx = canvas.getContext('2d', { willReadFrequently: true });
        (function tick() {
          if (!stream) return;
          if (video.readyState >= 2) {
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
            ctx.drawImage(video, 0, 0);
            var img = ctx.getImageData(0, 0, canvas.width, canvas.height);
            var code = window.jsQR(img.data, img.width, img.height);
            if (code && code.data.indexOf('|') > 0) {
              text.value = code.data;
              stop();
              var fill = document.querySelector('button[name=action][value=cccd]');
              if (fill) fill.click();
              return;
            }
          }
          requestAnimationFrame(tick);
        })();
      }).catch(function () {
        btn.textContent = 'Không mở được camera — hãy dán nội dung mã';
      });
    });
  });
})();

// With JavaScript there is no separate first step for the case: the form shows the general papers
// at once, and the case chosen in it adds its own (below). Without it, the step stays.
(function () {
  var step = document.querySelector('[data-case-step]');
  var form = document.querySelector('[data-js-form]');
  if (!step || !form) return;
  step.hidden = true;
  form.hidden = false;
})();

// The papers of the chosen case only: choosing another case shows its papers at once (without
// JavaScript the server does the same when the form is sent). A hidden case's inputs are disabled,
// so its files are not sent.
(function () {
  var radios = document.querySelectorAll('input[name=case]');
  var groups = document.querySelectorAll('fieldset[data-case]');
  if (!radios.length || !groups.length) return;
  function show() {
    var chosen = '';
    for (var i = 0; i < radios.length; i++) if (radios[i].checked) chosen = radios[i].value;
    for (var j = 0; j < groups.length; j++) {
      var on = groups[j].getAttribute('data-case') === chosen;
      groups[j].hidden = !on;
      groups[j].disabled = !on;
    }
  }
  for (var k = 0; k < radios.length; k++) radios[k].addEventListener('change', show);
  show();
})();

// After a refused submission, the summary of every problem takes the focus (GOV.UK pattern).
(function () {
  var all = document.querySelectorAll('.error-summary');
  for (var i = 0; i < all.length; i++) {
    if (all[i].offsetParent !== null) return all[i].focus();
  }
})();
