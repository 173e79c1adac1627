// The service dashboard: reads GET /api/dashboard with the web apps' session, draws its charts with Apache ECharts
// (served by the application from its webjar), writes every number as text too (tables, figures, the charts' aria
// descriptions), and reads the figures again every minute. No inline script, no innerHTML of data (CSP: script-src
// 'self').
(function () {
  'use strict';

  // Okabe-Ito: told apart with the common colour-vision deficiencies; decal patterns on top (aria.decal)
  const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#56B4E9', '#CC79A7', '#F0E442', '#000000'];
  const REFRESH_MS = 60 * 1000;
  const charts = {};
  let links = {};
  let last = null;
  let resizing = null;

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== null && v !== undefined) node.setAttribute(k, v); });
    (children || []).forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c === null || c === undefined ? '' : String(c))));
    return node;
  }

  function number(value, link) {
    const text = value === null || value === undefined ? '—' : String(value);
    return link ? el('a', { href: link }, [text]) : document.createTextNode(text);
  }

  function percent(value) {
    return value === null || value === undefined ? '—' : Math.round(value * 100) + ' %';
  }

  function decimal(value) {
    return value === null || value === undefined ? '—' : value.toFixed(1);
  }

  function when(text) {
    if (!text) return '—';
    const d = new Date(text.length <= 10 ? text + 'T00:00' : text);
    return d.toLocaleString('en-GB', text.length <= 10
      ? { day: 'numeric', month: 'short', year: 'numeric' }
      : { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  function day(text) {
    return new Date(text + 'T00:00').toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  }

  /** A table: headers, rows of cells (text, numbers or nodes); numeric columns right-aligned. */
  function table(id, caption, headers, rows, numeric) {
    const t = document.getElementById(id);
    t.replaceChildren();
    t.append(el('caption', {}, [caption]));
    t.append(el('thead', {}, [el('tr', {}, headers.map((h, i) => el('th', { scope: 'col', class: numeric.includes(i) ? 'n' : null }, [h])))]));
    const body = el('tbody');
    if (rows.length === 0) {
      body.append(el('tr', {}, [el('td', { colspan: String(headers.length), class: 'muted' }, ['None.'])]));
    }
    rows.forEach(r => body.append(el('tr', {}, r.map((c, i) => el('td', { class: numeric.includes(i) ? 'n' : null }, [c])))));
    t.append(body);
  }

  function big(id, figures) {
    const box = document.getElementById(id);
    box.replaceChildren(...figures.map(f => el('div', { class: 'figure' + (f.alert && f.value > 0 ? ' alert' : '') }, [
      f.link ? el('a', { href: f.link, 'aria-label': f.value + ' ' + f.label }, [String(f.value)])
        : el('span', { class: 'value' }, [String(f.value)]),
      el('span', { class: 'label' }, [f.label])])));
  }

  /** A chart, made once and updated in place; aria on, with a description in words, decals for colour blindness. */
  /** Axis labels and legends in the page's type size: larger on a wall screen, where the page's type is larger. */
  function readable(option) {
    const size = Math.round(parseFloat(getComputedStyle(document.body).fontSize) * 0.8);
    ['xAxis', 'yAxis'].forEach(axis => [].concat(option[axis] || []).forEach(a => {
      a.axisLabel = Object.assign({ fontSize: size }, a.axisLabel);
      a.nameTextStyle = Object.assign({ fontSize: size }, a.nameTextStyle);
    }));
    option.legend = Object.assign({ top: 0, type: 'scroll', textStyle: { fontSize: size } }, option.legend);
    [].concat(option.series || []).forEach(s => { s.label = Object.assign({ fontSize: size }, s.label); });
    return option;
  }

  function chart(id, title, option, empty) {
    const node = document.getElementById(id);
    readable(option);
    if (!charts[id]) {
      charts[id] = echarts.init(node);
      node.setAttribute('role', 'img');
    }
    charts[id].setOption(Object.assign({
      color: PALETTE,
      aria: { enabled: true, decal: { show: true }, label: { description: title } },
      animation: false,
      grid: { left: 48, right: 16, top: 36, bottom: 48, containLabel: false },
      tooltip: { trigger: 'axis' }
    }, option, empty ? { title: { text: empty, left: 'center', top: 'middle',
      textStyle: { color: '#4a5560', fontWeight: 'normal', fontSize: 16 } } } : {}), true);
    node.setAttribute('aria-label', title);
    node.dataset.drawn = 'true';
  }

  function render(f) {
    links = f.links || {};
    const tasks = links.teamTasks || links.tasklist;
    const history = links.auditSearch || links.tasklist;

    // open complaints by queue against the SLA, and by age
    const oc = f.openComplaints;
    big('open-big', [
      { value: oc.open, label: 'open', link: links.openComplaints || tasks },
      { value: oc.breached, label: 'SLA breached', link: links.overdueTasks || tasks, alert: true },
      { value: oc.breachingToday, label: 'will breach today', link: tasks, alert: true }]);
    const queues = oc.byQueue.map(q => q.queue);
    chart('chart-queues', 'Open complaints by queue: ' + oc.byQueue.map(q => q.queue + ' ' + q.open + ' open, ' + q.breached
      + ' breached, ' + q.breachingToday + ' due today').join('; ') + '.', {
      xAxis: { type: 'category', data: queues },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'breached', type: 'bar', stack: 'q', data: oc.byQueue.map(q => q.breached) },
        { name: 'due today', type: 'bar', stack: 'q', data: oc.byQueue.map(q => q.breachingToday) },
        { name: 'later or no SLA', type: 'bar', stack: 'q', data: oc.byQueue.map(q => q.open - q.breached - q.breachingToday) }]
    }, oc.open === 0 ? 'No open complaints' : null);
    table('table-queues', 'Open complaints by queue and age', ['Queue', 'Open', 'Breached', 'Due today', '< 1 day', '1–3 days', '3–7 days', '> 7 days'],
      oc.byQueue.map(q => [q.queue, number(q.open, tasks), number(q.breached, links.overdueTasks || tasks), number(q.breachingToday, tasks),
        q.ages.underOneDay, q.ages.oneToThreeDays, q.ages.threeToSevenDays, q.ages.overSevenDays]), [1, 2, 3, 4, 5, 6, 7]);

    // weekly complaints and breaches
    const weeks = f.weeks;
    const labels = weeks.map(w => day(w.from));
    chart('chart-weeks', 'Complaints and SLA breaches per week: ' + weeks.map(w => 'week of ' + day(w.from) + ' '
      + w.received + ' complaints, ' + w.slaBreaches + ' breaches').join('; ') + '.', {
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'complaints received', type: 'bar', data: weeks.map(w => w.received) },
        { name: 'SLA breaches', type: 'line', symbol: 'triangle', symbolSize: 9, lineStyle: { type: 'dashed', width: 3 }, data: weeks.map(w => w.slaBreaches) }]
    });
    table('table-weeks', 'Per week (' + when(f.from) + ' to ' + when(f.to) + ')', ['Week of', 'Received', 'SLA breaches', 'Resolved', 'Surveys answered', 'Response rate', 'Average rating'],
      weeks.map(w => [day(w.from), number(w.received, history), number(w.slaBreaches, history), number(w.resolved, history),
        w.surveysAnswered, percent(w.responseRate), decimal(w.averageRating)]), [1, 2, 3, 4, 5, 6]);

    // surveys
    chart('chart-surveys', 'Survey response rate and average rating per week: ' + weeks.map(w => 'week of ' + day(w.from) + ' '
      + percent(w.responseRate) + ' answered, average ' + decimal(w.averageRating)).join('; ') + '.', {
      xAxis: { type: 'category', data: labels },
      yAxis: [{ type: 'value', name: 'response %', min: 0, max: 100 }, { type: 'value', name: 'rating', min: 0, max: 5 }],
      grid: { left: 48, right: 48, top: 48, bottom: 48 },
      series: [
        { name: 'response rate (%)', type: 'bar', data: weeks.map(w => w.responseRate === null ? null : Math.round(w.responseRate * 100)) },
        { name: 'average rating', type: 'line', yAxisIndex: 1, symbol: 'diamond', symbolSize: 10, lineStyle: { width: 3 },
          data: weeks.map(w => w.averageRating === null ? null : Number(w.averageRating.toFixed(2))) }]
    });
    table('table-low', 'The latest ratings at or below the recovery threshold', ['Complaint', 'Rating', 'Answered', 'Recovery'],
      f.lowRatings.map(r => [number(r.reference, history), r.rating, when(r.answeredAt), r.recovery]), [1]);

    // approvals
    const ap = f.approvals;
    big('approvals-big', [{ value: ap.waiting, label: 'waiting for a decision', link: links.tasklist }]);
    chart('chart-approvals', 'Approvals waiting per tier: ' + ap.byTier.map(t => t.tier + ' ' + t.waiting).join(', ') + '.', {
      legend: { show: false },
      grid: { left: 96, right: 16, top: 8, bottom: 24 },
      yAxis: { type: 'category', data: ap.byTier.map(t => t.tier) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'waiting', type: 'bar', colorBy: 'data', data: ap.byTier.map(t => t.waiting) }]
    }, ap.waiting === 0 ? 'Nothing waits for a decision' : null);
    table('table-approvals', ap.oldest ? 'Oldest: ' + ap.oldest.id + ' at ' + ap.oldest.tier + ', requested ' + when(ap.oldest.requestedAt) : 'Nothing waits.',
      ['Tier', 'Waiting', 'Oldest requested'], ap.byTier.map(t => [t.tier, number(t.waiting, links.tasklist), when(t.oldestRequestedAt)]), [1]);

    // handbook sign-off
    const h = f.handbook;
    const hv = document.getElementById('handbook-version');
    hv.replaceChildren(h ? (links.handbook ? el('a', { href: links.handbook }, ['Version ' + h.version]) : 'Version ' + h.version) : 'No version in force.');
    if (h) hv.append(document.createTextNode(' — ' + h.title + ', sign by ' + when(h.deadline) + ', ' + h.recipients + ' employees'));
    const parts = h ? [['signed', h.signed], ['pending', h.pending], ['overdue', h.overdue], ['declined', h.declined]] : [];
    chart('chart-handbook', h ? 'Handbook ' + h.version + ' sign-off: ' + parts.map(p => p[1] + ' ' + p[0]).join(', ') + '.' : 'No handbook version in force.', {
      tooltip: { trigger: 'item' },
      series: [{ name: 'sign-off', type: 'pie', radius: ['35%', '65%'], top: 24, label: { formatter: '{b}: {c}' },
        data: parts.map(p => ({ name: p[0], value: p[1] })) }]
    }, h ? (h.recipients === 0 ? 'Offered to no one yet' : null) : 'No version in force');
    table('table-handbook', 'Sign-off of the version in force', ['Signed', 'Pending', 'Overdue', 'Declined'],
      h ? [parts.map(p => number(p[1], links.handbook))] : [], [0, 1, 2, 3]);

    // corrective action
    const ca = f.correctiveActions;
    big('corrective-big', [{ value: ca.open, label: 'open cases', link: links.correctiveActions }]);
    const steps = Object.entries(ca.byStep);
    chart('chart-corrective', 'Open corrective-action cases per step: ' + steps.map(s => s[0] + ' ' + s[1]).join(', ') + '.', {
      legend: { show: false },
      grid: { left: 16, right: 16, top: 8, bottom: 24, containLabel: true },
      yAxis: { type: 'category', data: steps.map(s => s[0]) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [{ name: 'open cases', type: 'bar', colorBy: 'data', data: steps.map(s => s[1]) }]
    }, ca.open === 0 ? 'No open cases' : null);
    table('table-corrective', 'Open cases per step', ['Step', 'Cases'], steps.map(s => [s[0], number(s[1], links.correctiveActions)]), [1]);
    table('table-cases', 'The cases your rights show', ['Case', 'Employee', 'Step', 'Opened'],
      ca.cases.map(c => [number(c.reference, links.correctiveActions), c.employee, c.step, when(c.openedAt)]), []);

    // plan review
    const pr = f.planReview;
    document.getElementById('plan-state').textContent = pr
      ? 'Review ' + pr.period + ': ' + pr.status + ' (started ' + when(pr.startedAt) + ').'
      : 'No plan review has started yet.';
    table('table-strategies', 'Its strategies', ['No.', 'Strategy', 'For', 'Owner', 'Due', 'Status'],
      pr ? pr.strategies.map(s => [s.number, s.type, s.weakness, s.owner, when(s.dueAt), s.status]) : [], [0]);

    // failed messages
    const fm = f.failedMessages;
    big('messages-big', [{ value: fm.count, label: 'given up on', link: links.failedMessages, alert: true }]);
    table('table-messages', 'The latest', ['Message', 'About', 'Attempts', 'Last tried'],
      fm.latest.map(m => [m.template, m.reference, m.attempts, when(m.lastTriedAt)]), [2]);

    document.querySelectorAll('a.csv').forEach(a => {
      a.href = '/api/dashboard/' + a.dataset.table + '.csv?' + periodQuery();
      a.setAttribute('download', 'dashboard-' + a.dataset.table + '.csv');
    });
    document.getElementById('status').textContent = 'As of ' + when(f.generatedAt) + '; refreshes every minute.';
  }

  function periodQuery() {
    const q = new URLSearchParams();
    const from = document.getElementById('from').value;
    const to = document.getElementById('to').value;
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    return q.toString();
  }

  async function load() {
    const error = document.getElementById('error');
    try {
      const response = await fetch('/api/dashboard?' + periodQuery(), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.status === 401) { window.location.assign('/camunda/app/tasklist/default/'); return; }
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        error.textContent = body.message || body.detail || ('The figures could not be read (' + response.status + ').');
        return;
      }
      error.textContent = '';
      last = body;
      render(body);
      document.body.dataset.loaded = 'true';
    } catch (e) {
      error.textContent = 'The figures could not be read: the server is not answering. Trying again in a minute.';
    }
  }

  document.getElementById('period').addEventListener('submit', e => { e.preventDefault(); load(); });
  // a new size (a laptop's window, a wall screen) may mean a new type size: draw again, once the resizing stops
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      Object.values(charts).forEach(c => c.resize());
      if (last) render(last);
    }, 200);
  });
  load();
  setInterval(load, REFRESH_MS);
})();
