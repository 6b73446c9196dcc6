// Document form: the category list follows the chosen region's level (a village has no LKJIP), and choosing a
// category checks its usual PPID class until the officer picks a class by hand. The rule itself lives on the server
// (src/regions/document-categories.ts) and arrives as data-levels / data-info on each option; without this script
// the server refuses a category that does not fit and fills the usual class when none is chosen.
(function () {
  'use strict';
  var category = document.querySelector('select[data-category-select]');
  if (!category) return;
  var form = category.form;
  var region = form && form.querySelector('select[name="region_code"]');
  var radios = form ? form.querySelectorAll('input[name="info_category"]') : [];
  // A class that differs from the category's usual one (e.g. an exempt document being edited) counts as chosen by hand.
  var loadedOpt = category.options[category.selectedIndex];
  var loadedChecked = form ? form.querySelector('input[name="info_category"]:checked') : null;
  var classChosenByHand = !!loadedChecked && !!loadedOpt && loadedChecked.value !== loadedOpt.getAttribute('data-info');
  for (var i = 0; i < radios.length; i++) {
    radios[i].addEventListener('change', function (e) {
      if (e.isTrusted) classChosenByHand = true;
    });
  }

  function levelOfRegion() {
    if (!region) return null;
    var opt = region.options[region.selectedIndex];
    return opt ? opt.getAttribute('data-level') : null;
  }

  function filterCategories() {
    var level = levelOfRegion();
    for (var i = 0; i < category.options.length; i++) {
      var opt = category.options[i];
      var levels = opt.getAttribute('data-levels');
      if (!levels) continue;
      var fits = !level || levels.split(' ').indexOf(level) >= 0;
      opt.hidden = !fits;
      opt.disabled = !fits;
      if (!fits && opt.selected) category.value = '';
    }
  }

  function applyDefaultClass() {
    if (classChosenByHand) return;
    var opt = category.options[category.selectedIndex];
    var info = opt && opt.getAttribute('data-info');
    if (!info) return;
    for (var i = 0; i < radios.length; i++) radios[i].checked = radios[i].value === info;
  }

  if (region) region.addEventListener('change', filterCategories);
  category.addEventListener('change', applyDefaultClass);
  filterCategories();
})();
