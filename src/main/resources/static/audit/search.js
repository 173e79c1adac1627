// The audit search page: reads /api/audit with the Camunda web-app session (same login as Cockpit), through api.js.
(function () {
  'use strict';
  const form = document.getElementById('search');
  const body = document.querySelector('#results tbody');
  let page = 0;
  let total = 0;

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }
  function when(iso) { return iso ? new Date(iso).toLocaleString() : ''; }

  function params(withPage) {
    const data = new FormData(form);
    const query = new URLSearchParams();
    for (const [key, value] of data.entries()) {
      if (!value || (key === 'size' && !withPage)) continue;
      query.set(key, value);
    }
    if (withPage) query.set('page', page);
    return query;
  }

  async function getJson(url) {
    const response = await serviceCharterApi.fetch(url, { headers: { Accept: 'application/json' } });
    if (response.status === 401) { window.location.href = '/camunda/app/cockpit/default/'; throw new Error('login'); }
    const json = await response.json();
    if (!response.ok) throw new Error(json.detail || response.statusText);
    return json;
  }

  async function search() {
    document.getElementById('error').textContent = '';
    const query = params(true);
    try {
      const result = await getJson('/api/audit/instances?' + query);
      total = result.total;
      body.replaceChildren();
      result.items.forEach(item => {
        const row = el('tr', null, { 'data-instance-id': item.id });
        const link = el('a', item.businessKey || item.id, { href: 'instance.html?id=' + encodeURIComponent(item.id) });
        const key = el('td'); key.appendChild(link); row.appendChild(key);
        [item.processDefinitionName || item.processDefinitionKey, item.processDefinitionVersion, item.state,
          when(item.startTime), when(item.endTime), item.startUserId].forEach(v => row.appendChild(el('td', v)));
        body.appendChild(row);
      });
      const size = result.size;
      const from = total === 0 ? 0 : page * size + 1;
      const to = from === 0 ? 0 : from + result.items.length - 1;
      document.getElementById('pageInfo').textContent = from + '–' + to + ' of '
        + (result.totalExact ? total.toLocaleString('en') : 'more than ' + total.toLocaleString('en'));
      document.getElementById('prev').disabled = page === 0;
      document.getElementById('next').disabled = result.items.length < size || (result.totalExact && (page + 1) * size >= total);
      const exportQuery = params(false);
      document.getElementById('exportCsv').href = '/api/audit/instances/export?format=csv&' + exportQuery;
      document.getElementById('exportJson').href = '/api/audit/instances/export?format=json&' + exportQuery;
    } catch (e) {
      document.getElementById('error').textContent = e.message;
    }
  }

  form.addEventListener('submit', event => { event.preventDefault(); page = 0; search(); });
  document.getElementById('prev').addEventListener('click', () => { page = Math.max(0, page - 1); search(); });
  document.getElementById('next').addEventListener('click', () => { page += 1; search(); });

  getJson('/api/audit/me').then(me => { document.getElementById('who').textContent = 'logged in as ' + (me.name || me.userId); });
  getJson('/api/audit/models').then(models => {
    const select = document.getElementById('processKey');
    models.forEach(m => select.appendChild(el('option', (m.name || m.key) + ' (' + m.key + ')', { value: m.key })));
  }).finally(search);
})();
