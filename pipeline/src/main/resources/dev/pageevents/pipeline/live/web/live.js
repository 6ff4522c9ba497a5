// The live view: polls the read-only JSON endpoints and draws them. No dependencies.
'use strict';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2',
  '#17becf', '#7f7f7f', '#bcbd22'];
const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);
let chosen = null; // null: the server's top pages; else the pages ticked in the picker

function el(tag, attrs = {}, text) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text; // data never becomes markup
  return node;
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.status);
  return body;
}

function every(ms, name, fn) {
  const run = async () => {
    try {
      await fn();
      delete errors[name];
    } catch (e) {
      errors[name] = name + ': ' + e.message;
    }
    showStatus();
    setTimeout(run, ms);
  };
  run();
}

const errors = {};
let lastStatus = '';
function showStatus() {
  const problems = Object.values(errors);
  const status = $('status');
  status.className = problems.length ? 'error' : 'muted';
  status.textContent = problems.length ? problems.join(' · ') : lastStatus;
}

const fmt = (n) => Number(n).toLocaleString('en');
const clock = (epochSeconds) => new Date(epochSeconds * 1000).toISOString().slice(11, 19);

// ---- chart ---------------------------------------------------------------------------------
async function refreshSeries() {
  const query = chosen === null ? '' : '?pages=' + encodeURIComponent(chosen.join(','));
  const data = await getJson('/api/series' + query);
  drawChart(data);
  drawPicker(data.topPages, data.series.map((s) => s.page));
  $('chart-note').textContent = data.latestEventMs
    ? `(${data.bucketSeconds} s buckets by event time, newest event ${new Date(data.latestEventMs).toISOString()})`
    : '(no visits in Redis yet)';
}

function drawChart(data) {
  const svg = $('chart');
  const W = 860, H = 300, L = 48, R = 10, T = 10, B = 26;
  const n = data.buckets.length;
  const max = Math.max(1, ...data.series.flatMap((s) => s.visits));
  const top = niceCeil(max);
  const x = (i) => L + (n <= 1 ? 0 : (i * (W - L - R)) / (n - 1));
  const y = (v) => H - B - (v * (H - T - B)) / top;
  svg.replaceChildren();
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    svg.append(el('svg:line', { class: 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    svg.append(el('svg:text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, fmt(v)));
  }
  const step = Math.max(1, Math.ceil(n / 6));
  data.buckets.forEach((b, i) => {
    if ((n - 1 - i) % step === 0) {
      const anchor = i === n - 1 ? 'end' : 'middle'; // the newest label stays inside the chart
      svg.append(el('svg:text', { x: x(i), y: H - 8, 'text-anchor': anchor }, clock(b)));
    }
  });
  let total = 0, points = 0;
  const legend = $('legend');
  legend.replaceChildren();
  data.series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const line = el('svg:polyline', {
      stroke: color, 'data-page': s.page,
      points: s.visits.map((v, j) => `${x(j).toFixed(1)},${y(v).toFixed(1)}`).join(' '),
    });
    svg.append(line);
    total += s.visits.reduce((a, b) => a + b, 0);
    points += s.visits.filter((v) => v > 0).length;
    const entry = el('div');
    entry.append(el('i', { style: 'background:' + color }), el('span', {}, `${s.page} (${fmt(s.total)})`));
    legend.append(entry);
  });
  svg.dataset.total = total;
  svg.dataset.points = points;
  svg.dataset.series = data.series.length;
}

function niceCeil(v) {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function drawPicker(topPages, shown) {
  const box = $('pages');
  const names = [...new Set([...topPages.map((p) => p.page), ...shown])];
  if (box.dataset.names === names.join('\n') && box.dataset.shown === shown.join('\n')) return;
  box.dataset.names = names.join('\n');
  box.dataset.shown = shown.join('\n');
  box.replaceChildren();
  for (const name of names) {
    const input = el('input', { type: 'checkbox', value: name });
    input.checked = shown.includes(name);
    input.addEventListener('change', () => {
      chosen = [...box.querySelectorAll('input:checked')].map((i) => i.value);
      if (chosen.length === 0) chosen = null; // back to the top pages
      refreshSeries().catch(() => {});
    });
    const label = el('label');
    label.append(input, document.createTextNode(' ' + name));
    box.append(label);
  }
}

// ---- sinks ---------------------------------------------------------------------------------
async function refreshSinks() {
  const data = await getJson('/api/sinks');
  lastStatus = `topic ${data.topic}: ${fmt(data.topicEnd)} records · updated ${new Date().toLocaleTimeString()}`;
  const cards = $('sinks');
  cards.replaceChildren();
  for (const s of data.sinks) {
    const card = el('div', {
      class: 'card' + (s.lag > 0 ? ' behind' : '') + (s.dlqRecords > 0 ? ' errors' : ''),
      'data-connector': s.connector,
    });
    card.append(el('b', {}, s.store), el('div', { class: 'muted' }, s.connector),
      el('div', { class: 'n' }, `written ${fmt(s.written)}`),
      el('div', { class: 'n' }, `lag ${fmt(s.lag)}`),
      el('div', { class: 'n dlq' + (s.dlqRecords > 0 ? ' some' : ''), title: s.dlqTopic || 'no DLQ' },
        `errors (DLQ) ${fmt(s.dlqRecords)}`));
    cards.append(card);
  }
}

// ---- connect -------------------------------------------------------------------------------
async function refreshConnect() {
  const data = await getJson('/api/connect');
  const body = $('connect').tBodies[0];
  body.replaceChildren();
  for (const c of data.connectors) {
    const row = el('tr', { 'data-connector': c.name });
    const state = el('td');
    state.append(el('span', { class: 'state ' + c.state, title: c.trace || '' }, c.state));
    const tasks = el('td');
    for (const t of c.tasks) {
      tasks.append(el('span', { class: 'state ' + t.state, title: (t.workerId || '') + '\n' + (t.trace || '') },
        `${t.id}: ${t.state}`));
    }
    row.append(el('td', {}, c.name), state, tasks);
    body.append(row);
  }
}

// ---- nodes ---------------------------------------------------------------------------------
async function refreshNodes() {
  const data = await getJson('/api/nodes');
  const down = data.nodes.filter((n) => !n.up).length;
  $('nodes-note').textContent = data.nodes.length === 0 ? '(not known: started outside the demo)'
    : `(${data.nodes.length} nodes, ${down} down)`;
  const body = $('nodes').tBodies[0];
  body.replaceChildren();
  for (const n of data.nodes) {
    const state = n.up ? 'UP' : 'DOWN';
    const row = el('tr', { 'data-node': n.endpoint, 'data-state': state });
    const cell = el('td');
    cell.append(el('span', { class: 'state ' + state }, state));
    row.append(el('td', {}, n.system), el('td', {}, n.endpoint), cell);
    body.append(row);
  }
}

// ---- compare -------------------------------------------------------------------------------
async function refreshCompare() {
  const data = await getJson('/api/compare');
  const note = $('compare-note');
  const c = data.comparison;
  if (!c) {
    note.textContent = data.state === 'error' ? `(failed: ${data.error})` : '(computing…)';
    return;
  }
  const when = new Date(data.computedAtMs).toLocaleTimeString();
  const verdict = c.mismatches.length === 0 ? 'all stores match the topic'
    : `${c.mismatches.length} mismatch${c.mismatches.length === 1 ? '' : 'es'}` + (data.lagBefore > 0 ? ` — sinks were ${fmt(data.lagBefore)} behind, expected until they catch up` : '');
  note.textContent = `(${fmt(c.events)} events · ${verdict} · computed ${when} in ${data.tookMs} ms, every ${data.everyMs / 1000} s`
    + (data.state === 'error' ? ` · last run failed: ${data.error}` : '') + ')';
  $('compare').dataset.mismatches = c.mismatches.length;
  const wrong = new Map(c.mismatches.map((m) => [m.store + '\n' + m.page, m]));
  const head = el('tr');
  ['page', 'Kafka', ...c.stores].forEach((h) => head.append(el('th', {}, h)));
  $('compare').tHead.replaceChildren(head);
  const rows = [...c.rows].sort((a, b) => (b.kafka?.visits ?? 0) - (a.kafka?.visits ?? 0));
  const shown = rows.filter((r, i) => i < 15 || c.stores.some((s) => wrong.has(s + '\n' + r.page)));
  const body = $('compare').tBodies[0];
  body.replaceChildren();
  for (const r of shown) {
    const row = el('tr', { 'data-page': r.page });
    row.append(el('td', {}, r.page), el('td', { class: 'num' }, cell(r.kafka)));
    for (const s of c.stores) {
      const m = wrong.get(s + '\n' + r.page);
      const td = el('td', { class: 'num' + (m ? ' mismatch' : ''), 'data-store': s, 'data-page': r.page },
        cell(r.stores[s]));
      if (m) td.title = `${m.field}: Kafka ${m.expected}, ${s} ${m.actual}`;
      row.append(td);
    }
    body.append(row);
  }
  const list = $('mismatches');
  list.replaceChildren();
  c.mismatches.slice(0, 20).forEach((m) =>
    list.append(el('li', {}, `${m.store} ${m.page}: ${m.field} ${m.expected} (Kafka) vs ${m.actual}`)));
}

const cell = (t) => (t ? `${fmt(t.visits)} / ${fmt(t.totalDurationMs)}` : '—');

every(1000, 'series', refreshSeries);
every(1000, 'sinks', refreshSinks);
every(2000, 'connect', refreshConnect);
every(2000, 'nodes', refreshNodes);
every(2000, 'compare', refreshCompare);
