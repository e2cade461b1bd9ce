// recindex page: filter the index as you type. Without script the page shows everything
// and the toolbar stays hidden; nothing here loads anything.
(() => {
  'use strict';
  const norm = (text) =>
    text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  // "44", "57 a", "57 a)", "57 (a)", "57a": a paragraph, with its letter if one is given.
  // Four digits and more are years in report symbols, not paragraphs.
  const PARAGRAPH = /^(\d{1,3})\s*\(?\s*(\p{L})?\s*\)?$/u;
  // "II.37", "ii.37", "VII.1.a": a reference into the compilation document.
  const REFERENCE = /^([ivxlc]+)\s*[.,]\s*(\d+)(?:\s*[.,]\s*(\p{L}))?$/u;

  const input = document.getElementById('q');
  const count = document.getElementById('count');
  const only = document.getElementById('only-findings');
  const expand = document.getElementById('expand');
  const clear = document.getElementById('clear');
  const format = count.dataset.format;

  const themes = [...document.querySelectorAll('tbody.theme')].map((body) => ({
    body,
    name: norm(body.querySelector('.name').textContent),
    matrix: document.querySelector(`#matrix tr[data-theme="${body.id}"]`),
    rows: [...body.querySelectorAll('tr.row')].map((tr) => ({
      tr,
      lists: [...tr.querySelectorAll('details.list')],
      items: [...tr.querySelectorAll('ol.items li')],
      marked: false,
      text: norm([...tr.querySelectorAll('.said')].map((e) => e.textContent).join(' ')),
      paragraphs: (tr.dataset.p || '').split(' ').filter(Boolean),
      references: (tr.dataset.r || '').split(' ').filter(Boolean),
      findings: [...body.querySelectorAll(`tr.finding-row[data-row="${tr.id}"]`)],
      flagged: tr.classList.contains('has-finding'),
    })),
  }));
  const total = themes.reduce((n, t) => n + t.rows.length, 0);

  // What the query asks for: whole themes by name, or rows by what they cite or print.
  function matcher(query) {
    const q = norm(query);
    if (!q) return null;
    let m = PARAGRAPH.exec(q);
    if (m) {
      const [, number, letter] = m;
      const item = (p) => (letter ? p === number + letter : p.replace(/\p{L}$/u, '') === number);
      return { item, row: (r) => r.paragraphs.some(item) };
    }
    m = REFERENCE.exec(q);
    if (m) {
      const key = `${m[1].toUpperCase()}.${m[2]}`;
      const letter = m[3];
      const item = (ref) =>
        (letter ? ref === `${key}.${letter}` : ref === key || ref.startsWith(`${key}.`));
      return { item, row: (r) => r.references.some(item) };
    }
    return { theme: (t) => t.name.includes(q), row: (r) => r.text.includes(q) };
  }

  function apply() {
    const match = matcher(input.value);
    let rows = 0;
    let shown = 0;
    for (const t of themes) {
      const whole = !match || (match.theme && match.theme(t));
      let visible = 0;
      for (const r of t.rows) {
        const show = (whole || match.row(r)) && (!only.checked || r.flagged);
        r.tr.hidden = !show;
        for (const f of r.findings) f.hidden = !show;
        mark(r, show && match && match.item);
        if (show) visible += 1;
      }
      t.body.hidden = visible === 0;
      if (t.matrix) t.matrix.hidden = visible === 0;
      rows += visible;
      if (visible) shown += 1;
    }
    count.textContent = format
      .replace('{rows}', rows).replace('{total}', total)
      .replace('{themes}', shown).replace('{themes_total}', themes.length);
  }

  // The expanded items a paragraph or reference query matched are marked, and their
  // lists opened, so that "II.37" shows where it hides in "II.31 à 42".
  // Lists a person opened stay as they are until a query marks something in their row.
  function mark(r, item) {
    if (!r.items.length || !(item || r.marked)) return;
    r.marked = Boolean(item);
    for (const li of r.items) li.classList.toggle('hit', Boolean(item && item(li.dataset.k)));
    for (const d of r.lists) d.open = expand.checked || Boolean(d.querySelector('li.hit'));
  }

  function reset() {
    input.value = '';
    only.checked = false;
    apply();
  }

  input.addEventListener('input', apply);
  only.addEventListener('change', apply);
  clear.addEventListener('click', () => { reset(); input.focus(); });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') reset();
  });
  expand.addEventListener('change', () => {
    for (const d of document.querySelectorAll('details.list')) d.open = expand.checked;
  });
  // "/" anywhere outside a field goes to the search box.
  document.addEventListener('keydown', (event) => {
    const field = event.target.closest && event.target.closest('input, textarea, select');
    if (event.key === '/' && !field && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
  // A link to a row the filter hides (matrix, findings) first shows everything again;
  // the browser then scrolls to the row, which takes the focus.
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target && target.closest('[hidden]')) reset();
  });
  const focusTarget = () => {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.matches('tr.row')) target.focus({ preventScroll: true });
  };
  window.addEventListener('hashchange', focusTarget);

  // Rows scrolled to (matrix, findings, links) must clear the sticky toolbar.
  const toolbar = document.querySelector('.toolbar');
  toolbar.hidden = false;
  const measure = () => {
    document.documentElement.style.setProperty('--toolbar', `${toolbar.offsetHeight}px`);
  };
  window.addEventListener('resize', measure);
  measure();
  apply();
})();
