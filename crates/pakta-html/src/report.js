(function () {
  var form = document.querySelector('form.filters');
  document.body.setAttribute('data-script', 'ran');
  if (!form) return;
  form.hidden = false;
  function apply() {
    var statuses = {};
    form.querySelectorAll('input[name=status]').forEach(function (box) { statuses[box.value] = box.checked; });
    var select = form.querySelector('select[name=flag]');
    var flag = select ? select.value : '';
    document.querySelectorAll('[data-status]').forEach(function (item) {
      var show = statuses[item.getAttribute('data-status')] !== false;
      if (show && flag) show = (' ' + (item.getAttribute('data-flags') || '') + ' ').indexOf(' ' + flag + ' ') >= 0;
      item.classList.toggle('filtered-out', !show);
    });
  }
  form.addEventListener('change', apply);
  apply();
})();
