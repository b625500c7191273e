// numbfoot serve: the journal (runs with their numbness, shoes and insoles, watch-file import) and
// the trends (what the journal shows, its figures, the report). app.js calls numbfootJournal with
// the helpers it shares and gets back the two screens.
'use strict';

window.numbfootJournal = function (nf) {
  const { $, el, api, show, pct, state } = nf;

  // Distances: stored and sent in km (metres in records), shown in the runner's units.
  const KM_PER_MILE = 1.609344;
  const unit = () => (state.miles ? 'mi' : 'km');
  const fromKm = (x) => (state.miles ? x / KM_PER_MILE : x);
  const toKm = (x) => (x === null ? null : state.miles ? x * KM_PER_MILE : x);
  const inUnit = (kmValue, digits) => +fromKm(kmValue).toFixed(digits);
  function km(m) { return m === null ? '-' : fromKm(m / 1000).toFixed(1) + ' ' + unit(); }
  function minutes(s) {
    if (s === null) return '-';
    const t = Math.round(s), h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), sec = t % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(sec).padStart(2, '0');
  }
  function field(label, input) { return el('label', { class: 'field' }, label, input); }
  function num(name, attrs) { return el('input', Object.assign({ type: 'number', name, min: '0', step: 'any', inputmode: 'decimal' }, attrs || {})); }
  function val(form, name) { const v = form.elements[name].value.trim(); return v === '' ? null : v; }
  function numVal(form, name) { const v = val(form, name); return v === null ? null : Number(v); }
  const status = nf.status;
  function today() {
    const d = new Date(), pad = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }
  function options(list, chosen) {
    return list.map(([v, t]) => el('option', { value: v, text: t, selected: v === chosen }));
  }
  const YES_NO = [['', "don't know"], ['yes', 'yes'], ['no', 'no']];
  const triWord = (b) => (b === null || b === undefined ? '' : b ? 'yes' : 'no');

  // A button that asks once more before it acts: no modal dialog, so it works the same with a
  // keyboard, a screen reader and a phone.
  function confirmButton(text, sure, act) {
    const b = el('button', { type: 'button', class: 'link danger', text });
    b.addEventListener('click', () => {
      if (b.dataset.armed) return act();
      b.dataset.armed = 'yes';
      b.textContent = sure;
    });
    return b;
  }

  // Which foot, which decides the side. An episode kept before the journal asked which foot may
  // say only "one foot": that stays a choice of its own until the runner says which.
  function footSelect(e) {
    const list = [['', "don't know"], ['left', 'left foot'], ['right', 'right foot'], ['both', 'both feet']];
    if (!e.foot && e.side === 'one') list.push(['one', 'one foot (which not recorded)']);
    return el('select', { name: 'foot' }, ...options(list, e.foot || (e.side === 'one' ? 'one' : '')));
  }
  function footAnswer(v) {
    if (v === 'one') return { side: 'one' };
    return { foot: v, side: v === null ? null : v === 'both' ? 'both' : 'one' };
  }

  // The episode fields, for a new run and for editing one.
  function episodeFields(e) {
    e = e || {};
    const locs = state.byId.location ? state.byId.location.values : [];
    return [
      el('div', { class: 'grid' },
        field('Began after (' + unit() + ')', num('onset_km', { value: e.onset_km === null || e.onset_km === undefined ? '' : inUnit(e.onset_km, 3) })),
        field('How bad (0 to 10)', num('severity', { max: '10', step: '1', value: e.severity ?? '' })),
        field('Feeling came back after (minutes)', num('recover_min', { value: e.recover_min ?? '' })),
        field('Which foot', footSelect(e)),
        field('Loosening the laces helped', el('select', { name: 'loosening_helped' }, ...options(YES_NO, triWord(e.loosening_helped)))),
        field('A calf cramp came first', el('select', { name: 'calf_cramp_first' }, ...options(YES_NO, triWord(e.calf_cramp_first))))),
      el('fieldset', {}, el('legend', { text: 'Where' }),
        ...locs.map((v) => el('label', { class: 'choice' },
          el('input', { type: 'checkbox', name: 'loc', value: v.id, checked: (e.locations || []).includes(v.id) }), v.means))),
    ];
  }
  function readEpisode(f) {
    const tri = (name) => { const v = val(f, name); return v === null ? null : v === 'yes'; };
    return {
      onset_km: toKm(numVal(f, 'onset_km')), severity: numVal(f, 'severity'), recover_min: numVal(f, 'recover_min'),
      ...footAnswer(val(f, 'foot')), loosening_helped: tri('loosening_helped'), calf_cramp_first: tri('calf_cramp_first'),
      locations: [...f.querySelectorAll('input[name=loc]:checked')].map((i) => i.value),
    };
  }
  // chosen: the pair a run has ('' none); undefined for a new run, which gets the default pair.
  // A run's own pair is offered even when it is retired, so that an edit keeps it.
  function shoeSelect(shoes, chosen) {
    const names = shoes.map((g) => g.nickname);
    if (chosen && !names.includes(chosen)) names.push(chosen);
    const isDefault = (n) => shoes.some((g) => g.nickname === n && g.default);
    return el('select', { name: 'shoes' }, el('option', { value: '', text: 'none or not listed', selected: chosen === '' }),
      ...names.map((n) => el('option', { value: n, text: n, selected: chosen === undefined ? isDefault(n) : n === chosen })));
  }

  // ---- the journal ----

  function runForm(shoes) {
    const episode = el('fieldset', { id: 'j-episode', hidden: true }, el('legend', { text: 'The numbness on this run' }), ...episodeFields());
    const numb = el('input', { type: 'checkbox', name: 'numb', id: 'j-numb' });
    numb.addEventListener('change', () => { episode.hidden = !numb.checked; });
    const runStatus = el('p', { role: 'status', id: 'j-run-status' });
    const form = el('form', { id: 'j-run-form' },
      el('div', { class: 'grid' },
        field('Date', el('input', { type: 'date', name: 'date', value: today(), required: true })),
        field('Start time', el('input', { type: 'time', name: 'time', value: '07:00' })),
        field('Distance (' + unit() + ')', num('distance_km')),
        field('Time running (minutes)', num('duration_min')),
        field('Surface', el('input', { type: 'text', name: 'surface', maxlength: '63' })),
        field('Shoes', shoeSelect(shoes))),
      field('Notes', el('textarea', { name: 'notes', rows: '2', maxlength: '1000' })),
      el('label', { class: 'choice' }, numb, 'My feet went numb or tingled on this run'),
      episode,
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: 'Add the run' })),
      runStatus);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const when = new Date(form.elements.date.value + 'T' + (form.elements.time.value || '12:00'));
      if (isNaN(when)) return status(runStatus, 'Give the date of the run.', true);
      const run = {
        start_time: when.toISOString().replace(/\.\d+Z$/, 'Z'), distance_km: toKm(numVal(form, 'distance_km')),
        duration_min: numVal(form, 'duration_min'), surface: val(form, 'surface'), shoes: val(form, 'shoes'), notes: val(form, 'notes'),
      };
      if (numb.checked) run.episode = readEpisode(form);
      try {
        const r = await api('POST', '/api/runs', run);
        await journal();
        status($('j-run-status'), 'Run added' + (r.shoes_worn_out ? '; those shoes have reached their retirement distance.' : '.'));
      } catch (e) { status(runStatus, e.message, true); }
    });
    return form;
  }

  // The edit form of one run (and its first episode), shown in a row under it.
  function runEditor(r, shoes) {
    const e = r.episodes[0];
    const st = el('p', { role: 'status' });
    const form = el('form', { class: 'edit', 'aria-label': 'Edit this run' },
      el('div', { class: 'grid' },
        field('Distance (' + unit() + ')', num('distance_km', { value: r.distance_m === null ? '' : inUnit(r.distance_m / 1000, 3) })),
        field('Time running (minutes)', num('duration_min', { value: r.moving_s === null ? '' : +(r.moving_s / 60).toFixed(2) })),
        field('Shoes', shoeSelect(shoes, r.shoes || ''))),
      field('Notes', el('textarea', { name: 'notes', rows: '2', maxlength: '1000', text: r.notes || '' })),
      e ? el('fieldset', {}, el('legend', { text: 'The numbness on this run' }), ...episodeFields(e)) : null,
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: 'Save changes' }),
        el('button', { type: 'button', text: 'Cancel', onclick: () => journal() })),
      st);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      // Only what was changed is sent: the form shows rounded values, and sending them back
      // unchanged would round an imported run's distance and time.
      const change = {};
      for (const k of ['distance_km', 'duration_min', 'shoes', 'notes']) {
        const f = form.elements[k];
        const changed = f.tagName === 'SELECT' ? !(f.selectedOptions[0] && f.selectedOptions[0].defaultSelected) : f.value !== f.defaultValue;
        if (changed) {
          change[k] = k === 'shoes' || k === 'notes' ? val(form, k) : k === 'distance_km' ? toKm(numVal(form, k)) : numVal(form, k);
        }
      }
      try {
        if (Object.keys(change).length) await api('POST', '/api/runs/' + r.id, change);
        if (e) await api('POST', '/api/episodes/' + e.id, readEpisode(form));
        await journal();
        status($('j-run-status'), 'Run changed.');
      } catch (err) { status(st, err.message, true); }
    });
    return form;
  }

  function runTable(runs, shoes) {
    if (!runs.length) return el('p', { class: 'help', id: 'j-runs', text: 'No runs yet.' });
    const body = el('tbody', {});
    for (const r of runs.slice().reverse()) {
      const edit = el('button', { type: 'button', class: 'link', text: 'Edit', 'aria-label': 'Edit the run of ' + (r.start_time || r.id) });
      const row = el('tr', { 'data-run': r.id },
        el('td', { text: r.start_time ? new Date(r.start_time).toLocaleString() : '-' }),
        el('td', { text: km(r.distance_m) }), el('td', { text: minutes(r.moving_s) }),
        el('td', { text: r.shoes || '-' }),
        el('td', { text: r.episodes.length ? r.episodes.map((e) => 'numb' + (e.severity !== null ? ' ' + e.severity + '/10' : '') +
          (e.onset_km !== null ? ' at ' + inUnit(e.onset_km, 1) + ' ' + unit() : '')).join('; ') : 'none' }),
        el('td', { text: r.source_file || 'typed' }),
        el('td', { class: 'row-actions' }, edit, confirmButton('Delete', 'Really delete?', async () => {
          try { await api('POST', '/api/runs/' + r.id + '/delete'); await journal(); status($('j-run-status'), 'Run deleted.'); } catch (e) { status($('j-run-status'), e.message, true); }
        })));
      edit.addEventListener('click', () => {
        const open = row.nextElementSibling && row.nextElementSibling.classList.contains('editing');
        if (open) return row.nextElementSibling.remove();
        const cell = el('td', { colspan: '7' }, runEditor(r, shoes));
        row.after(el('tr', { class: 'editing' }, cell));
        cell.querySelector('input').focus();
      });
      body.append(row);
    }
    return el('div', { class: 'table-wrap' }, el('table', { id: 'j-runs' },
      el('thead', {}, el('tr', {}, ...['When', 'Distance', 'Time', 'Shoes', 'Numbness', 'From', ''].map((h) => el('th', { scope: 'col', text: h })))),
      body));
  }

  // Uploads one watch file with its progress shown in bar; resolves to {ok, status, data}.
  function upload(file, bar) {
    return new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.open('POST', '/api/import');
      x.setRequestHeader('Content-Type', 'application/octet-stream');
      x.setRequestHeader('X-Numbfoot-Filename', file.name.replace(/[^\x20-\x7e]/g, '_'));
      x.setRequestHeader('X-Numbfoot-Token', nf.token());
      x.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = e.loaded / e.total; };
      x.onload = () => {
        let data = {};
        try { data = JSON.parse(x.responseText); } catch (e) { data = {}; }
        resolve({ ok: x.status >= 200 && x.status < 300, status: x.status, data });
      };
      x.onerror = () => resolve({ ok: false, status: 0, data: { error: 'the connection to numbfoot failed' } });
      x.send(file);
    });
  }

  // Imports files one after another, each with its own line and progress bar.
  async function importFiles(files, list) {
    list.replaceChildren();
    const lines = [];
    for (const f of files) {
      const bar = el('progress', { max: '1', value: '0', 'aria-label': 'Uploading ' + f.name });
      const words = el('span', { text: f.name + ': waiting' });
      const li = el('li', {}, words, ' ', bar);
      list.append(li);
      lines.push([f, bar, words]);
    }
    const results = [];
    for (const [f, bar, words] of lines) {
      words.textContent = f.name + ': uploading';
      const r = await upload(f, bar);
      bar.value = 1;
      words.textContent = r.ok ? 'Imported ' + km(r.data.run.distance_m) + ' from ' + r.data.run.source_file + '.'
        : f.name + ': ' + (r.data.error || 'the server answered ' + r.status);
      words.className = r.ok ? '' : 'error';
      results.push(words.textContent);
    }
    return results;
  }

  function importForm() {
    const file = el('input', { type: 'file', id: 'j-file', accept: '.fit,.gpx,.tcx', multiple: true });
    const importStatus = el('p', { role: 'status', id: 'j-import-status' });
    const list = el('ul', { class: 'uploads', id: 'j-uploads' });
    const drop = el('div', { class: 'drop', id: 'j-drop' },
      el('p', { text: 'Drop FIT, GPX or TCX files from your watch here, or choose them:' }),
      el('label', { for: 'j-file', class: 'sr', text: 'Watch files (FIT, GPX or TCX)' }), file);
    const form = el('form', { id: 'j-import-form' }, drop,
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Import' })), list, importStatus);
    const run = async (files) => {
      if (!files.length) return status(importStatus, 'Choose a file first.', true);
      status(importStatus, 'Importing ' + files.length + ' file' + (files.length === 1 ? '' : 's') + '...');
      const results = await importFiles(files, list);
      await journal({ uploads: list });
      const ok = results.filter((t) => /^Imported/.test(t)).length, bad = results.length - ok;
      status($('j-import-status'), ok + ' imported' + (bad ? ', ' + bad + ' not (the reason is beside each)' : '') + '.', bad > 0);
    };
    form.addEventListener('submit', (ev) => { ev.preventDefault(); run([...file.files]); });
    drop.addEventListener('dragover', (ev) => { ev.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (ev) => {
      ev.preventDefault();
      drop.classList.remove('over');
      run([...ev.dataTransfer.files]);
    });
    return form;
  }

  // A pair's distance against its retirement distance, with the check distance marked.
  function wearBar(g) {
    const used = fromKm(g.used_km).toFixed(0);
    if (!g.retire_km) return el('span', { class: 'help', text: used + ' ' + unit() + ' (no retirement distance set)' });
    const words = used + ' of ' + fromKm(g.retire_km).toFixed(0) + ' ' + unit();
    const frac = Math.min(1, g.used_km / g.retire_km);
    const fill = el('span', { class: 'wear-fill ' + g.wear });
    fill.style.width = (frac * 100).toFixed(1) + '%';
    const check = el('span', { class: 'wear-check' });
    check.style.left = (100 * 5 / 8).toFixed(1) + '%';
    return el('div', {},
      el('div', { class: 'wear', role: 'img', 'aria-label': words }, fill, check),
      el('span', { class: 'wear-words', text: words }));
  }

  function gearTable(gear) {
    if (!gear.length) return el('p', { class: 'help', id: 'j-gear', text: 'None yet.' });
    const wearWords = (g) => (g.retired ? 'retired ' + g.retired : g.wear === 'retire' ? 'replace' : g.wear === 'check' ? 'check the midsole' : g.wear);
    const rows = gear.map((g) => el('tr', { 'data-gear': g.id },
      el('td', { text: g.nickname + (g.default ? ' (default)' : '') }), el('td', { text: g.kind }),
      el('td', { text: [g.brand, g.model].filter(Boolean).join(' ') || '-' }),
      el('td', {}, wearBar(g)),
      el('td', { text: wearWords(g) }),
      el('td', { class: 'row-actions' },
        !g.retired && !g.default ? el('button', { type: 'button', class: 'link', text: 'Make default', onclick: () => gearChange(g, { default: true }, g.nickname + ' is now the default.') }) : null,
        !g.retired ? confirmButton('Retire', 'Really retire?', () => gearChange(g, { retired: today() }, g.nickname + ' retired.'))
          : el('button', { type: 'button', class: 'link', text: 'Back in use', onclick: () => gearChange(g, { retired: null }, g.nickname + ' is back in use.') }))));
    return el('div', { class: 'table-wrap' }, el('table', { id: 'j-gear' },
      el('thead', {}, el('tr', {}, ...['Nickname', 'Kind', 'Make', 'Used', 'Wear', ''].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...rows)));
  }
  async function gearChange(g, change, done) {
    try { await api('POST', '/api/gear/' + g.id, change); await journal(); status($('j-gear-status'), done); } catch (e) { status($('j-gear-status'), e.message, true); }
  }

  function gearForm() {
    const gearStatus = el('p', { role: 'status', id: 'j-gear-status' });
    const form = el('form', { id: 'j-gear-form' },
      el('div', { class: 'grid' },
        field('Nickname', el('input', { type: 'text', name: 'nickname', required: true, maxlength: '63' })),
        field('Kind', el('select', { name: 'kind' }, el('option', { value: 'shoes', text: 'shoes' }), el('option', { value: 'insoles', text: 'insoles' }))),
        field('Brand', el('input', { type: 'text', name: 'brand', maxlength: '63' })),
        field('Model', el('input', { type: 'text', name: 'model', maxlength: '63' })),
        field('Distance already run in them (' + unit() + ')', num('start_km')),
        field('Retire after (' + unit() + ')', num('retire_km'))),
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Add shoes or insoles' })), gearStatus);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const g = { nickname: val(form, 'nickname'), kind: val(form, 'kind'), brand: val(form, 'brand'), model: val(form, 'model') };
      if (numVal(form, 'start_km') !== null) g.start_km = toKm(numVal(form, 'start_km'));
      if (numVal(form, 'retire_km') !== null) g.retire_km = toKm(numVal(form, 'retire_km'));
      try {
        await api('POST', '/api/gear', g);
        await journal();
        status($('j-gear-status'), 'Added ' + g.nickname + '.');
      } catch (e) { status(gearStatus, e.message, true); }
    });
    return form;
  }

  // One saved assessment in words, read from the server when its row is opened.
  async function savedDetail(id) {
    const a = (await api('GET', '/api/assessments/' + id)).assessment;
    const r = a.result;
    if (!r) return el('p', { class: 'help', text: 'No result was stored with this assessment.' });
    const asked = Object.keys(r.answers || {}).length;
    return el('div', { class: 'saved-detail' },
      el('p', { text: r.triage.words }),
      r.triage.red_flag ? el('p', { text: 'Warning sign: ' + r.triage.red_flag.says }) : null,
      el('ol', {}, ...r.ranking.slice(0, 5).map((c) => el('li', { text: c.name + ' (' + pct(c.probability) + ')' }))),
      el('p', { class: 'help', text: asked + ' answer' + (asked === 1 ? '' : 's') + (a.complete ? '.'
        : '; the interview was stopped before its last question, so the report does not use it.') }));
  }

  function savedTable(saved) {
    if (!saved.length) return el('p', { class: 'help', id: 'j-assessments', text: 'None yet: the result of an assessment has a button to save it here.' });
    const said = (text, bad) => status($('j-assessment-status'), text, bad);
    const rows = saved.slice().reverse().map((a) => {
      const when = new Date(a.time).toLocaleString();
      const show = el('button', { type: 'button', class: 'link', text: 'Show', 'aria-expanded': 'false', 'aria-label': 'Show the assessment of ' + when });
      const row = el('tr', { 'data-assessment': a.id },
        el('td', { text: when }),
        el('td', { text: a.complete ? 'Finished' : 'Not finished' }),
        el('td', { text: a.result ? nf.LEVEL_TITLE[a.result.triage.level] || a.result.triage.level : '-' }),
        el('td', { text: a.result && a.result.ranking.length ? a.result.ranking[0].name + ' (' + pct(a.result.ranking[0].probability) + ')' : '-' }),
        el('td', { class: 'row-actions' }, show, confirmButton('Delete', 'Really delete?', async () => {
          try { await api('POST', '/api/assessments/' + a.id + '/delete'); await journal(); said('Assessment deleted.'); } catch (e) { said(e.message, true); }
        })));
      show.addEventListener('click', async () => {
        const open = row.nextElementSibling && row.nextElementSibling.classList.contains('detail');
        if (open) { show.setAttribute('aria-expanded', 'false'); return row.nextElementSibling.remove(); }
        try {
          const cell = el('td', { colspan: '5' }, await savedDetail(a.id));
          row.after(el('tr', { class: 'detail' }, cell));
          show.setAttribute('aria-expanded', 'true');
        } catch (e) { said(e.message, true); }
      });
      return row;
    });
    return el('div', { class: 'table-wrap' }, el('table', { id: 'j-assessments' },
      el('thead', {}, el('tr', {}, ...['When', 'Finished', 'Advice', 'Most likely cause', ''].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...rows)));
  }

  // keep.uploads: the upload list of the last import, kept on the new screen.
  async function journal(keep) {
    const body = $('j-body');
    let gear, runs, saved;
    try {
      gear = (await api('GET', '/api/gear')).gear;
      runs = (await api('GET', '/api/runs')).runs;
      saved = (await api('GET', '/api/assessments')).assessments;
    } catch (e) {
      body.replaceChildren(el('p', { class: 'error', text: 'The journal is not available: ' + e.message }));
      return show('screen-journal');
    }
    const shoes = gear.filter((g) => g.kind === 'shoes' && !g.retired);
    const imp = importForm();
    if (keep && keep.uploads) imp.querySelector('#j-uploads').replaceWith(keep.uploads);
    body.replaceChildren(
      el('h2', { text: 'Add a run' }), runForm(shoes),
      el('h2', { text: 'Runs' }), runTable(runs, shoes),
      el('h2', { text: 'Import from a watch' }), imp,
      el('h2', { text: 'Shoes and insoles' }), gearTable(gear),
      el('h3', { text: 'Add shoes or insoles' }), gearForm(),
      el('h2', { text: 'Saved assessments' }),
      el('p', { class: 'help', text: 'The report uses the latest finished one; an assessment stopped before its last question is kept but marked not finished.' }),
      savedTable(saved), el('p', { role: 'status', id: 'j-assessment-status' }));
    show('screen-journal');
  }

  // ---- trends: what the journal shows ----

  // The analysis words some of its advice for the terminal ("(run add --temp)"); the page has
  // fields instead of options, so those asides are left out here.
  const forPage = (s) => s.replace(/ ?\([^()]*--[^()]*\)/g, '');

  function valueWords(id, v) {
    const f = state.byId[id];
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (typeof v === 'number' && f && f.distance) return inUnit(v, 1) + ' ' + unit();
    if (typeof v === 'number') return (Math.round(v * 10) / 10) + (f && f.unit ? ' ' + f.unit : '');
    return String(v);
  }

  function trainingList(t) {
    const items = [];
    const r1 = (x) => Math.round(x * 10) / 10;
    // A change in percent says little when the weeks before were nearly empty.
    if (t.week_km_recent !== null) items.push('Weekly distance over the last 4 weeks: ' + r1(fromKm(t.week_km_recent)) + ' ' + unit() +
      (t.week_change_pct !== null && t.week_km_before >= 5 ? ' (' + (t.week_change_pct >= 0 ? '+' : '') + Math.round(t.week_change_pct) + '% on the 4 weeks before)'
        : t.week_km_before !== null ? ' (' + r1(fromKm(t.week_km_before)) + ' ' + unit() + ' a week in the 4 weeks before)' : ''));
    if (t.cadence_spm !== null) items.push('Cadence: ' + Math.round(t.cadence_spm) + ' steps per minute (median of ' + t.cadence_runs + ' runs)');
    if (t.stride_m !== null) items.push('Stride: ' + t.stride_m.toFixed(2) + ' m (median of ' + t.stride_runs + ' runs)');
    return items;
  }

  let figuresUrl = null; // the figures' blob, freed when the screen is drawn again

  async function trends() {
    const box = $('t-body');
    let a;
    try {
      a = await api('GET', '/api/analysis');
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error', text: 'The journal is not available: ' + e.message }));
      return show('screen-trends');
    }
    const known = Object.entries(a.findings).filter(([id]) => state.byId[id]);
    const found = known.length
      ? el('ul', { class: 'found', id: 't-findings' }, ...known.map(([id, d]) => el('li', {},
        el('label', { class: 'choice' },
          el('input', { type: 'checkbox', name: 'use', value: id, checked: true }),
          el('span', {}, el('strong', { text: state.byId[id].means + ': ' + valueWords(id, d.value) }),
            el('span', { class: 'sub', text: d.evidence }))))))
      : el('p', { class: 'help', id: 't-findings', text: 'Nothing yet: log runs, and the numbness on them, for a pattern to show.' });
    const startWith = el('button', { type: 'button', class: 'primary', id: 't-assess', text: 'Start an assessment with the ticked answers', hidden: !known.length });
    startWith.addEventListener('click', () => {
      const answers = {}, why = {};
      for (const i of box.querySelectorAll('input[name=use]:checked')) {
        answers[i.value] = a.findings[i.value].value;
        why[i.value] = a.findings[i.value].evidence;
      }
      nf.startWith(answers, why).catch((e) => nf.notice(e.message));
    });
    const list = (id, items, empty) => (items.length ? el('ul', { id }, ...items.map((s) => el('li', { text: s })))
      : el('p', { class: 'help', id, text: empty }));
    // The figures and the report need the token, which a plain image or link cannot send: each
    // is fetched and shown or saved from a blob.
    const figures = el('img', { id: 't-figures', class: 'figures',
      alt: 'Figures from your journal: onset distance per run, episodes by shoe pair, each pair against its retirement distance, weekly distance and cadence.' });
    const figuresLink = el('a', { target: '_blank', title: 'Open the figures full size' }, figures);
    if (figuresUrl) URL.revokeObjectURL(figuresUrl);
    figuresUrl = null;
    nf.apiBlob('/api/report.svg').then(({ blob }) => {
      figuresUrl = URL.createObjectURL(blob);
      figures.src = figuresLink.href = figuresUrl;
    }).catch((e) => figures.replaceWith(el('p', { class: 'error', text: 'The figures did not load: ' + e.message })));
    const reportStatus = el('p', { role: 'status', id: 't-report-status' });
    const download = async (ev) => {
      ev.preventDefault();
      try {
        const { blob, name } = await nf.apiBlob(ev.currentTarget.getAttribute('href'));
        const url = URL.createObjectURL(blob);
        const save = el('a', { href: url, download: name, hidden: true });
        document.body.append(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        status(reportStatus, '');
      } catch (e) { status(reportStatus, 'Not downloaded: ' + e.message, true); }
    };
    box.replaceChildren(
      el('p', { class: 'help', text: 'From ' + a.training.runs + ' runs and ' + a.training.episodes + ' numbness episodes in your journal.' }),
      el('h2', { text: 'What your journal shows' }),
      el('p', { class: 'help', text: 'Untick any you do not agree with; the assessment asks the rest.' }),
      found, el('div', { class: 'actions' }, startWith),
      el('h2', { text: 'From your own data' }), list('t-advice', a.advice.map(forPage), 'No advice from your data yet.'),
      el('h2', { text: 'What more to log' }), list('t-needs', a.needs.map(forPage), 'Nothing: the journal has enough for each pattern numbfoot looks for.'),
      el('h2', { text: 'Training' }), list('t-training', trainingList(a.training), 'No distances logged yet.'),
      el('h2', { text: 'Figures' }),
      figuresLink,
      el('h2', { text: 'Report for your doctor' }),
      el('p', { text: 'One document with the latest finished assessment you saved (or one from your journal), your answers, the episode history, these figures and the sources.' }),
      el('div', { class: 'actions' },
        el('a', { class: 'button primary', id: 't-pdf', href: '/api/report.pdf', onclick: download, text: 'Download the report (PDF)' }),
        el('a', { class: 'button', id: 't-html', href: '/api/report.html', onclick: download, text: 'Download it as a web page (HTML)' })),
      reportStatus);
    show('screen-trends');
  }

  return { journal, trends };
};
