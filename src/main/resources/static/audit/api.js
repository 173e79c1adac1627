// Calls to /api from the audit pages, with the web-app session (the Camunda login) and its CSRF token.
// /api asks every change that a session cookie authenticates for the web apps' CSRF token in the X-XSRF-TOKEN
// header, and hands the token out in that header of its answers to the session; this keeps the latest one and
// sends it with every call, so a page never makes a change that another site's page could make in its name.
(function () {
  'use strict';
  let token = null;

  async function call(url, options) {
    const init = Object.assign({ credentials: 'same-origin' }, options || {});
    const headers = new Headers(init.headers || {});
    if (token) headers.set('X-XSRF-TOKEN', token);
    init.headers = headers;
    const response = await fetch(url, init);
    const handedOut = response.headers.get('X-XSRF-TOKEN');
    if (handedOut && handedOut !== 'Required') token = handedOut;
    return response;
  }

  window.serviceCharterApi = { fetch: call };
})();
