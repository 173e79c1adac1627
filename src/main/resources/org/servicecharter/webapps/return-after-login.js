// Service Charter: brings a person back to the application's page (/audit/, /hr/…, /dashboard/) that sent them to
// this web app's login. The page's gate redirects here with ?returnTo=<path>; once the login has succeeded, the
// browser goes back to that path. Only a path on this server is followed, never another host.
const asked = new URLSearchParams(window.location.search).get('returnTo');

function onThisServer(path) {
  return typeof path === 'string' && /^\/(?![/\\])/.test(path) && !/[\r\n\t]/.test(path);
}

const base = document.querySelector('base');
const appRoot = base ? base.getAttribute('app-root') || '' : '';

async function loggedIn() {
  try {
    const answer = await fetch(appRoot + '/api/admin/auth/user/default',
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return answer.ok;
  } catch (ignored) {
    return false;
  }
}

async function returnWhenLoggedIn(target) {
  if (await loggedIn()) {
    window.location.assign(target);
  } else {
    window.setTimeout(() => returnWhenLoggedIn(target), 500);
  }
}

if (asked !== null) {
  // the address bar keeps only the web app's own address
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.hash);
  if (onThisServer(asked)) {
    returnWhenLoggedIn(asked);
  }
}

export default [];
