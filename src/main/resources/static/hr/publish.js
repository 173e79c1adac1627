// Publishes a handbook version from /hr/handbooks: the form's fields and PDF go to POST /api/handbooks with the
// web-app session and its CSRF token (X-XSRF-TOKEN), which /api hands out in that header of any answer to the
// session. The application computes the document's SHA-256; the page never sends one.
(function () {
  'use strict';
  const form = document.getElementById('publish');
  if (!form) return;
  const outcome = document.getElementById('outcome');

  async function token() {
    const version = form.elements.version.value || '-';
    const probe = await fetch('/api/handbooks/' + encodeURIComponent(version), { credentials: 'same-origin' });
    const handedOut = probe.headers.get('X-XSRF-TOKEN');
    return handedOut && handedOut !== 'Required' ? handedOut : null;
  }

  function explain(problem) {
    const lines = [problem.detail || problem.title || 'The version was not published.'];
    (problem.errors || []).forEach(function (error) { lines.push(error.field + ' ' + error.message); });
    return lines.join(' ');
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    outcome.textContent = 'Publishing…';
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const headers = {};
      const csrf = await token();
      if (csrf) headers['X-XSRF-TOKEN'] = csrf;
      const response = await fetch('/api/handbooks', { method: 'POST', body: new FormData(form), headers: headers,
        credentials: 'same-origin' });
      if (response.status === 201) {
        const published = await response.json();
        window.location.assign('/hr/handbooks/' + encodeURIComponent(published.version));
        return;
      }
      let problem = {};
      try { problem = await response.json(); } catch (ignored) { /* not JSON */ }
      outcome.textContent = explain(problem);
    } catch (failure) {
      outcome.textContent = 'The version was not published: ' + failure.message;
    } finally {
      button.disabled = false;
    }
  });
})();
