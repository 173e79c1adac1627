// One instance's trail: facts, the diagram of the version that ran with the path taken, and the timeline.
(function () {
  'use strict';
  const id = new URLSearchParams(window.location.search).get('id');
  const hidden = new Set(['activity-entered', 'activity-left', 'variable-rewritten']);

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }
  function when(iso) { return iso ? new Date(iso).toLocaleString() : ''; }
  async function get(url, asText) {
    const response = await serviceCharterApi.fetch(url);
    if (response.status === 401) { window.location.href = '/camunda/app/cockpit/default/'; throw new Error('login'); }
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    return asText ? response.text() : response.json();
  }

  function facts(instance) {
    document.getElementById('title').textContent =
      (instance.processDefinitionName || instance.processDefinitionKey) + ' — ' + (instance.businessKey || instance.id);
    const box = document.getElementById('facts');
    [['Instance', instance.id], ['Model', instance.processDefinitionKey + ' version ' + instance.processDefinitionVersion],
      ['State', instance.state], ['Started', when(instance.startTime) + (instance.startUserId ? ' by ' + instance.startUserId : '')],
      ['Ended', when(instance.endTime)], ['Delete reason', instance.deleteReason]]
      .filter(([, v]) => v).forEach(([k, v]) => { box.appendChild(el('strong', k)); box.appendChild(el('span', v)); });
  }

  function timeline(entries) {
    const body = document.querySelector('#timeline tbody');
    const filters = document.getElementById('filters');
    const toggle = el('input', null, { type: 'checkbox', id: 'showAll' });
    const label = el('label', ' show every activity entered/left and unchanged variable writes');
    label.prepend(toggle);
    filters.appendChild(label);
    function render() {
      body.replaceChildren();
      entries.filter(e => toggle.checked || !hidden.has(e.type)).forEach(e => {
        const row = el('tr', null, { class: 'kind-' + e.type, 'data-seq': e.seq });
        row.appendChild(el('td', e.seq));
        row.appendChild(el('td', when(e.time), { class: 'time', title: e.time }));
        row.appendChild(el('td', e.summary));
        row.appendChild(el('td', e.activityName || e.activityId || ''));
        row.appendChild(el('td', e.user || ''));
        const cell = el('td');
        if (e.details && Object.keys(e.details).length) {
          const details = el('details');
          details.appendChild(el('summary', e.type));
          details.appendChild(el('pre', JSON.stringify(e.details, null, 2)));
          cell.appendChild(details);
        } else {
          cell.textContent = e.type;
        }
        row.appendChild(cell);
        body.appendChild(row);
      });
    }
    toggle.addEventListener('change', render);
    render();
  }

  async function diagram(path) {
    const xml = await get('/api/audit/instances/' + encodeURIComponent(id) + '/diagram', true);
    const viewer = new BpmnJS({ container: '#diagram' });
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const mark = (elementId, marker) => { if (registry.get(elementId)) canvas.addMarker(elementId, marker); };
    path.activities.forEach(a => mark(a.activityId, 'audit-' + a.state));
    path.takenSequenceFlows.forEach(flow => mark(flow, 'audit-taken'));
    path.currentActivityIds.forEach(a => mark(a, 'audit-active'));
    canvas.zoom('fit-viewport');
    document.getElementById('diagram').setAttribute('data-rendered', 'true');
  }

  async function load() {
    const base = '/api/audit/instances/' + encodeURIComponent(id);
    document.getElementById('exportCsv').href = base + '/trail/export?format=csv';
    document.getElementById('exportJson').href = base + '/trail/export?format=json';
    get('/api/audit/me').then(me => { document.getElementById('who').textContent = 'logged in as ' + (me.name || me.userId); });
    const trail = await get(base + '/trail');
    facts(trail.instance);
    timeline(trail.timeline);
    document.getElementById('timeline').setAttribute('data-loaded', String(trail.timeline.length));
    await diagram(trail.path);
  }

  load().catch(e => { document.getElementById('error').textContent = e.message; });
})();
