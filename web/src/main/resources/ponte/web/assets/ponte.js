// Ponte's own script, loaded from the node like every script (the Content-Security-Policy allows no inline script).
// Pages work without it: forms post and redirect; this only moves focus to an error summary so it is read out first.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
});
