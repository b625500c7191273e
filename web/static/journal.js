// numbfoot serve: the journal (runs with their numbness, shoes and insoles, watch-file import) and
// the trends (what the journal shows, its figures, the report). app.js calls numbfootJournal with
// the helpers it shares and gets back the two screens.
'use strict';

window.numbfootJournal = function (nf) {
  const { $, el, api, show, pct, leading, state, dateWords, answerWords, decimal, KM_PER_MILE } = nf;

  // Distances: stored and sent in km (metres in records), shown in the runner's units.
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
  // What a message calls a field: its label's words ("Distance (km)"), else its name.
  function labelOf(i) { return i.labels && i.labels[0] ? i.labels[0].textContent.trim() : i.name; }
  // A number field: text, read by decimal() (display.js says why not type=number); min, max and
  // step (1: a whole number) are what numVal holds it to.
  function num(name, attrs) { return el('input', Object.assign({ type: 'text', name, min: '0', inputmode: 'decimal', autocomplete: 'off' }, attrs || {})); }
  // The text of a field, null when empty. The journal caps its texts in bytes of UTF-8 (64 for a
  // name, 1024 for notes, the NUL included), which maxlength cannot say: a field's data-bytes is
  // its cap, and text past it throws, naming the field, before anything is sent (the API's own
  // refusal names its key and bytes, words a runner cannot act on).
  function val(form, name) {
    const i = form.elements[name], v = i.value.trim(), cap = Number(i.dataset.bytes);
    const bytes = new TextEncoder().encode(v).length;
    if (cap && bytes > cap) {
      throw new Error(labelOf(i) + ': too long by ' + (bytes - cap) +
        ' bytes (at most ' + cap + '; a letter outside English takes two to four).');
    }
    return v === '' ? null : v;
  }
  // The number in a field, null when it is empty; throws, naming the field by its label, when it
  // is not a number or (unless ranged is false: the caller says it in its own words) out of its
  // range.
  function numVal(form, name, ranged) {
    const i = form.elements[name], v = val(form, name);
    if (v === null) return null;
    const x = decimal(v), what = labelOf(i);
    const lo = i.getAttribute('min'), hi = i.getAttribute('max'), whole = i.getAttribute('step') === '1';
    const range = (whole ? 'a whole number ' : 'a number ') + (hi === null ? lo + ' or more' : 'from ' + lo + ' to ' + hi);
    if (!isFinite(x)) throw new Error(what + ': "' + v + '" is not a number (type one such as 12.5).');
    if (ranged !== false && ((lo !== null && x < Number(lo)) || (hi !== null && x > Number(hi)) || (whole && !Number.isInteger(x)))) {
      throw new Error(what + ': ' + range + ', or leave it empty.');
    }
    return x;
  }
  const status = nf.status;
  // The browser's own check of a field (the run's date left empty, a nickname missing) stops a
  // submit before the page hears of it, and its bubble goes with the next key: the form's status
  // line says it too, with the field's label, instead of keeping an earlier "Run added.".
  function sayInvalid(form, st) {
    form.addEventListener('invalid', (ev) => {
      const i = ev.target;
      if (i !== form.querySelector(':invalid')) return; // the first one, where the browser goes
      status(st, labelOf(i) + ': ' + i.validationMessage, true);
    }, true);
    return form;
  }
  // The local day (YYYY-MM-DD) and clock (HH:MM) of a Date, as the date and time inputs take them.
  const pad2 = (n) => String(n).padStart(2, '0');
  const localDay = (d) => d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate());
  const localClock = (d) => pad2(d.getHours()) + ':' + pad2(d.getMinutes());
  function today() {
    return localDay(new Date());
  }
  function options(list, chosen) {
    return list.map(([v, t]) => el('option', { value: v, text: t, selected: v === chosen }));
  }
  const YES_NO = [['', "don't know"], ['yes', 'yes'], ['no', 'no']];
  const triWord = (b) => (b === null || b === undefined ? '' : b ? 'yes' : 'no');

  // Temperature, cadence and heart rate, as a watch records them: optional, typed in the
  // runner's units (degrees Fahrenheit by default with miles, Celsius otherwise, either on
  // request), sent metric. run: the run being edited, or undefined for a new one.
  const fromC = (c, f) => (f ? c * 9 / 5 + 32 : c);
  const toC = (x, f) => (f ? (x - 32) * 5 / 9 : x);
  let measureForms = 0; // ids for the temperature fields, one pair per form drawn
  function measureFields(run) {
    run = run || {};
    const f = state.miles, id = 'temperature-' + ++measureForms;
    const t = run.temperature_c;
    // inputmode text: a phone's decimal keypad has no minus sign.
    const temp = num('temperature', { id, inputmode: 'text', min: f ? '-76' : '-60', max: f ? '140' : '60',
      value: t === null || t === undefined ? '' : +fromC(t, f).toFixed(1) });
    const unitSel = el('select', { name: 'temp_unit', 'aria-label': 'Temperature unit' },
      el('option', { value: 'c', text: '\u00b0C', selected: !f }), el('option', { value: 'f', text: '\u00b0F', selected: f }));
    // The number stays what was typed; its limits follow the unit chosen.
    unitSel.addEventListener('change', () => {
      const inF = unitSel.value === 'f';
      temp.min = inF ? '-76' : '-60';
      temp.max = inF ? '140' : '60';
    });
    return [
      el('div', { class: 'field' }, el('label', { for: id, text: 'Temperature (optional)' }), el('div', { class: 'with-unit' }, temp, unitSel)),
      field('Cadence, steps per minute (optional)', num('cadence_spm', { min: '120', max: '250', step: '1', value: run.cadence_spm ?? '' })),
      field('Average heart rate, beats per minute (optional)', num('heart_rate_bpm', { min: '20', max: '250', step: '1', value: run.heart_rate_bpm ?? '' })),
    ];
  }
  // The measures of form as the API takes them; throws with the field's own words when one is out
  // of range. changedOnly: only those changed since the form was drawn (an edit).
  function readMeasures(form, changedOnly) {
    const out = {};
    const inF = form.elements.temp_unit.value === 'f';
    const temp = form.elements.temperature, unitSel = form.elements.temp_unit;
    const tempChanged = temp.value !== temp.defaultValue || !unitSel.selectedOptions[0].defaultSelected;
    if (!changedOnly || tempChanged) {
      const x = numVal(form, 'temperature', false);
      if (x !== null && !(x >= Number(temp.min) && x <= Number(temp.max))) throw new Error('Temperature: from ' + temp.min + ' to ' + temp.max + (inF ? ' \u00b0F' : ' \u00b0C') + ', or leave it empty.');
      out.temperature_c = x === null ? null : +toC(x, inF).toFixed(2);
    }
    for (const [name, lo, hi, words] of [['cadence_spm', 120, 250, 'Cadence'], ['heart_rate_bpm', 40, 250, 'Heart rate']]) {
      const i = form.elements[name];
      if (changedOnly && i.value === i.defaultValue) continue;
      const x = numVal(form, name, false);
      if (x !== null && !(x >= lo && x <= hi)) throw new Error(words + ': from ' + lo + ' to ' + hi + ', or leave it empty.');
      out[name] = x;
    }
    return out;
  }
  // The measures of a run in words, in the runner's units.
  function measureWords(r) {
    const w = [];
    if (r.temperature_c !== null && r.temperature_c !== undefined) w.push(Math.round(fromC(r.temperature_c, state.miles)) + (state.miles ? ' \u00b0F' : ' \u00b0C'));
    if (r.cadence_spm !== null && r.cadence_spm !== undefined) w.push(Math.round(r.cadence_spm) + ' steps/min');
    if (r.heart_rate_bpm !== null && r.heart_rate_bpm !== undefined) w.push('heart rate ' + Math.round(r.heart_rate_bpm));
    return w.join(', ');
  }

  // A button that asks once more before it acts: no modal dialog, so it works the same with a
  // keyboard, a screen reader and a phone.
  // what names the item it acts on ("the run of 3 Dec 2026, 07:00"), for its accessible name: a
  // screen reader tabbing through a list must hear which, not "Delete, Delete, Delete".
  function confirmButton(text, sure, act, what) {
    const b = el('button', { type: 'button', class: 'link danger', text, 'aria-label': what ? text + ' ' + what : null });
    b.addEventListener('click', () => {
      if (b.dataset.armed) return act();
      b.dataset.armed = 'yes';
      b.textContent = sure;
      if (what) b.setAttribute('aria-label', sure.replace(/\?$/, '') + ' ' + what + '?');
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

  // The episode fields, for a new run and for editing one. The onset is a distance in the
  // runner's unit or a time in minutes ("about 20 min in"), as run add --numb-at 20min takes it.
  let onsetForms = 0; // ids for the onset fields, one per form drawn
  function episodeFields(e) {
    e = e || {};
    const locs = state.byId.location ? state.byId.location.values : [];
    const known = (x) => x !== null && x !== undefined;
    const inMin = !known(e.onset_km) && known(e.onset_min), id = 'onset-' + ++onsetForms;
    const onset = num('onset', { id, value: known(e.onset_km) ? inUnit(e.onset_km, 3) : inMin ? e.onset_min : '' });
    const onsetUnit = el('select', { name: 'onset_unit', 'aria-label': 'Began after: unit' },
      el('option', { value: 'dist', text: unit(), selected: !inMin }), el('option', { value: 'min', text: 'min', selected: inMin }));
    return [
      el('div', { class: 'grid' },
        el('div', { class: 'field' }, el('label', { for: id, text: 'Began after' }), el('div', { class: 'with-unit' }, onset, onsetUnit)),
        field('How bad (0 to 10)', num('severity', { max: '10', step: '1', value: e.severity ?? '' })),
        field('Feeling came back after (minutes)', num('recover_min', { value: e.recover_min ?? '' })),
        el('label', { class: 'choice' }, el('input', { type: 'checkbox', name: 'not_back', checked: !!e.not_back }),
          'Not back yet'),
        field('Which foot', footSelect(e)),
        field('Loosening the laces helped', el('select', { name: 'loosening_helped' }, ...options(YES_NO, triWord(e.loosening_helped)))),
        field('A calf cramp came first', el('select', { name: 'calf_cramp_first' }, ...options(YES_NO, triWord(e.calf_cramp_first))))),
      el('fieldset', {}, el('legend', { text: 'Where' }),
        ...locs.map((v) => el('label', { class: 'choice' },
          el('input', { type: 'checkbox', name: 'loc', value: v.id, checked: (e.locations || []).includes(v.id) }), v.means))),
    ];
  }
  // The episode of form f as the API takes it. The onset is sent as one of onset_km and
  // onset_min, the other null; an edit whose onset is untouched sends neither, so that an
  // episode stored with both keeps both.
  function readEpisode(f, editing) {
    const tri = (name) => { const v = val(f, name); return v === null ? null : v === 'yes'; };
    const o = f.elements.onset, u = f.elements.onset_unit;
    const onset = editing && o.value === o.defaultValue && u.selectedOptions[0].defaultSelected ? {}
      : u.value === 'min' ? { onset_km: null, onset_min: numVal(f, 'onset') } : { onset_km: toKm(numVal(f, 'onset')), onset_min: null };
    return {
      // "Not back yet" with a number of minutes typed is the journal's to refuse, in words.
      ...onset, severity: numVal(f, 'severity'), recover_min: numVal(f, 'recover_min'), not_back: f.elements.not_back.checked,
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
        field('Surface', el('input', { type: 'text', name: 'surface', maxlength: '63', 'data-bytes': '63' })),
        field('Shoes', shoeSelect(shoes)),
        ...measureFields()),
      field('Notes', el('textarea', { name: 'notes', rows: '2', maxlength: '1000', 'data-bytes': '1023' })),
      el('label', { class: 'choice' }, numb, 'My feet went numb or tingled on this run'),
      episode,
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: 'Add the run' })),
      runStatus);
    sayInvalid(form, runStatus);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const when = new Date(form.elements.date.value + 'T' + (form.elements.time.value || '12:00'));
      if (isNaN(when)) return status(runStatus, 'Give the date of the run.', true);
      let run;
      try {
        run = {
          start_time: when.toISOString().replace(/\.\d+Z$/, 'Z'), distance_km: toKm(numVal(form, 'distance_km')),
          duration_min: numVal(form, 'duration_min'), surface: val(form, 'surface'), shoes: val(form, 'shoes'), notes: val(form, 'notes'),
        };
        Object.assign(run, readMeasures(form));
        if (numb.checked) run.episode = readEpisode(form);
        pastEnd(run);
      } catch (e) { return status(runStatus, e.message, true); }
      const added = async (r) => {
        await journal();
        // A warning sign (numbness hours after a run of the last 2 days) is said at once, in the
        // knowledge base's words the server sends, not left for the Trends screen.
        status($('j-run-status'), 'Run added' + (r.shoes_worn_out ? '; those shoes have reached their retirement distance.' : '.') +
          (r.warning_sign ? ' ' + signWords(r.warning_sign) : ''), !!r.warning_sign);
      };
      form.querySelector('#j-dup')?.remove();
      try {
        await added(await api('POST', '/api/runs', run));
      } catch (e) {
        // A run like one already stored (409): asked here, in the form, about the run the
        // server names, in the words the run list uses; "force" is the API's word, not the runner's.
        if (e.status === 409 && e.data && e.data.like) return askDuplicate(form, runStatus, e.data.like, e.data.overlap === true, () => api('POST', '/api/runs', Object.assign(run, { force: true })).then(added));
        status(runStatus, e.message, true);
      }
    });
    return form;
  }

  // The warning sign of numbness not settled hours after a recent run (GET /api/analysis's and
  // POST /api/runs's warning_sign): how long the feeling took, and the knowledge base's words.
  function signWords(w) {
    if (w.not_back) return 'Warning sign: feeling had not come back after the run of ' + dateWords(w.run_start) + '. ' + w.says;
    const h = w.recover_min / 60;
    return 'Warning sign: feeling took ' + (Number.isInteger(h) ? h : h.toFixed(1)) + ' hours to come back after the run of ' +
      dateWords(w.run_start) + '. ' + w.says;
  }

  // Throws when the onset of run's episode lies past the run's end, in the units typed, as the
  // journal would refuse it (with its metre and second of slack), but in the runner's unit.
  function pastEnd(run) {
    const e = run.episode, n = (x) => +x.toFixed(2);
    if (!e) return;
    if (e.onset_km !== null && run.distance_km !== null && e.onset_km * 1000 > run.distance_km * 1000 + 1) {
      throw new Error('Began after: ' + n(fromKm(e.onset_km)) + ' ' + unit() + ' is past the end of this ' + n(fromKm(run.distance_km)) + ' ' + unit() + ' run.');
    }
    if (e.onset_min !== null && run.duration_min !== null && e.onset_min * 60 > run.duration_min * 60 + 1) {
      throw new Error('Began after: ' + n(e.onset_min) + ' min is past the end of this run of ' + minutes(run.duration_min * 60) + '.');
    }
  }

  // The question about a run like the stored run like (overlap: one whose time it overlaps): a
  // line in the form with its own two buttons, no modal dialog (see confirmButton). store: adds the
  // run anyway.
  // editing: the run asked about is a change to a stored run, not a new one.
  function askDuplicate(form, st, like, overlap, store, editing) {
    const dur = like.moving_s ?? like.elapsed_s;
    const more = [dur === null || dur === undefined ? null : minutes(dur), like.shoes].filter(Boolean).join(', ');
    const words = (overlap ? 'This overlaps in time with your run of ' : 'This looks like your run of ') + dateWords(like.start_time, true) +
      (like.distance_m === null ? '' : ', ' + km(like.distance_m)) + (more ? ' (' + more + ')' : '') + (editing ? '. Change it anyway?' : '. Add it anyway?');
    const yes = el('button', { type: 'button', class: 'primary', text: editing ? 'Change anyway' : 'Add anyway' });
    const no = el('button', { type: 'button', text: 'Cancel' });
    const box = el('div', { id: 'j-dup', class: 'ask', role: 'group', 'aria-labelledby': 'j-dup-words' },
      el('p', { id: 'j-dup-words', text: words }), el('div', { class: 'actions' }, yes, no));
    st.before(box);
    status(st, '');
    yes.addEventListener('click', async () => {
      yes.disabled = no.disabled = true;
      try { await store(); } catch (e) { box.remove(); status(st, e.message, true); }
    });
    no.addEventListener('click', () => { box.remove(); status(st, editing ? 'Not changed.' : 'Not added.'); form.querySelector('button[type=submit]').focus(); });
    yes.focus();
  }

  // The edit form of one run (and its first episode), shown in a row under it.
  function runEditor(r, shoes) {
    const e = r.episodes[0];
    const st = el('p', { role: 'status' });
    // The day and start can be put right too (a run typed in on the wrong day): an outside read
    // found them missing, so the run had to be deleted and typed in again.
    const began = r.start_time ? new Date(r.start_time) : null;
    const form = el('form', { class: 'edit', 'aria-label': 'Edit this run' },
      el('div', { class: 'grid' },
        field('Date', el('input', { type: 'date', name: 'date', value: began ? localDay(began) : '', max: today(), required: !!began })),
        field('Start time', el('input', { type: 'time', name: 'time', value: began ? localClock(began) : '' })),
        field('Distance (' + unit() + ')', num('distance_km', { value: r.distance_m === null ? '' : inUnit(r.distance_m / 1000, 3) })),
        field('Time running (minutes)', num('duration_min', { value: r.moving_s === null ? '' : +(r.moving_s / 60).toFixed(2) })),
        field('Shoes', shoeSelect(shoes, r.shoes || '')),
        ...measureFields(r)),
      field('Notes', el('textarea', { name: 'notes', rows: '2', maxlength: '1000', 'data-bytes': '1023', text: r.notes || '' })),
      e ? el('fieldset', {}, el('legend', { text: 'The numbness on this run' }), ...episodeFields(e)) : null,
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: 'Save changes' }),
        el('button', { type: 'button', text: 'Cancel', onclick: () => journal() })),
      st);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      // Only what was changed is sent: the form shows rounded values, and sending them back
      // unchanged would round an imported run's distance and time.
      const change = {};
      try {
        for (const k of ['distance_km', 'duration_min', 'shoes', 'notes']) {
          const f = form.elements[k];
          const changed = f.tagName === 'SELECT' ? !(f.selectedOptions[0] && f.selectedOptions[0].defaultSelected) : f.value !== f.defaultValue;
          if (changed) {
            change[k] = k === 'shoes' || k === 'notes' ? val(form, k) : k === 'distance_km' ? toKm(numVal(form, k)) : numVal(form, k);
          }
        }
        Object.assign(change, readMeasures(form, true));
        // The start, sent only when its day or clock was changed: the clock shows minutes, and
        // sending it back unchanged would drop an imported run's seconds.
        const day = form.elements.date, clock = form.elements.time;
        if (day.value !== day.defaultValue || clock.value !== clock.defaultValue) {
          const when = new Date(day.value + 'T' + (clock.value || '12:00'));
          if (isNaN(when)) throw new Error('Date: give the day of the run.');
          change.start_time = when.toISOString().replace(/\.\d+Z$/, 'Z');
        }
      } catch (err) { return status(st, err.message, true); }
      const save = async (body) => {
        if (Object.keys(body).length) await api('POST', '/api/runs/' + r.id, body);
        if (e) await api('POST', '/api/episodes/' + e.id, readEpisode(form, true));
        await journal();
        status($('j-run-status'), 'Run changed.');
      };
      form.querySelector('#j-dup')?.remove();
      try {
        await save(change);
      } catch (err) {
        // A change that makes the run like another, or lays it over one (409): asked as for a
        // new run, about the run the server names.
        if (err.status === 409 && err.data && err.data.like) return askDuplicate(form, st, err.data.like, err.data.overlap === true, () => save(Object.assign(change, { force: true })), true);
        status(st, err.message, true);
      }
    });
    return form;
  }

  // A table that fits its column on a wide screen and shows each row as a card on a phone
  // (app.css, table.cards): every cell names its column in data-label for the card's words. The
  // roles are explicit so that it stays a table to a screen reader when the phone's layout
  // changes its display. rows: [tr] whose cells are td elements in the order of heads.
  function cardTable(id, heads, rows) {
    for (const tr of rows) {
      tr.setAttribute('role', 'row');
      [...tr.children].forEach((td, i) => {
        td.setAttribute('role', 'cell');
        if (heads[i]) td.dataset.label = heads[i];
      });
    }
    return el('div', { class: 'table-wrap' }, el('table', { id, class: 'cards', role: 'table' },
      el('thead', { role: 'rowgroup' }, el('tr', { role: 'row' },
        ...heads.map((h) => el('th', { scope: 'col', role: 'columnheader', text: h })))),
      el('tbody', { role: 'rowgroup' }, ...rows)));
  }

  // A row that opens under row (an edit form, a saved assessment), spanning the table.
  function rowUnder(row, cls, content) {
    const cell = el('td', { colspan: String(row.children.length), role: 'cell' }, content);
    const tr = el('tr', { class: cls, role: 'row' }, cell);
    row.after(tr);
    return cell;
  }

  // Newest first: by start time, then the latest added; runs without a time last.
  function newestFirst(runs) {
    return runs.slice().sort((a, b) => {
      if (a.start_time === b.start_time) return b.id - a.id;
      if (!a.start_time || !b.start_time) return a.start_time ? -1 : 1;
      return a.start_time < b.start_time ? 1 : -1;
    });
  }

  const RUNS_SHOWN = 20; // the latest runs shown; the rest behind a button
  let allRuns = false;

  function numbWords(r) {
    return r.episodes.length ? r.episodes.map((e) => 'numb' + (e.severity !== null ? ' ' + e.severity + '/10' : '') +
      (e.onset_km !== null ? ' at ' + inUnit(e.onset_km, 1) + ' ' + unit() : '')).join('; ') : 'none';
  }

  function runTable(runs, shoes) {
    if (!runs.length) return el('p', { class: 'help', id: 'j-runs', text: 'No runs yet.' });
    const sorted = newestFirst(runs), shown = allRuns ? sorted : sorted.slice(0, RUNS_SHOWN);
    const rows = shown.map((r) => {
      const when = dateWords(r.start_time, true);
      const edit = el('button', { type: 'button', class: 'link', text: 'Edit', 'aria-label': 'Edit the run of ' + when });
      const measures = measureWords(r);
      const row = el('tr', { 'data-run': r.id, class: 'run' },
        el('td', { class: 'when' }, el('span', { class: 'day', text: dateWords(r.start_time) }),
          el('span', { class: 'sub', text: [nf.clockWords(r.start_time), r.source_file ? 'from ' + r.source_file : 'typed in'].filter(Boolean).join(', ') })),
        el('td', { class: 'dist', text: km(r.distance_m) }), el('td', { class: 'time', text: minutes(r.moving_s) }),
        el('td', { class: 'shoes', text: r.shoes || '-' }),
        el('td', { class: 'numbness', text: numbWords(r) }),
        // The measures are not notes: each part says what it is ("Measured: 8 °C", "Notes: ...").
        el('td', { class: 'notes' + (!measures && !r.notes ? ' empty' : '') },
          measures ? el('span', { class: 'sub measured' }, el('span', { class: 'label', text: 'Measured: ' }), measures) : null,
          r.notes ? el('span', { class: 'clamp' }, el('span', { class: 'label', text: 'Notes: ' }), r.notes) : null, !measures && !r.notes ? '-' : null),
        el('td', { class: 'row-actions' }, el('div', { class: 'acts' }, edit, confirmButton('Delete', 'Really delete?', async () => {
          try { await api('POST', '/api/runs/' + r.id + '/delete'); await journal(); status($('j-run-status'), 'Run deleted.'); } catch (e) { status($('j-run-status'), e.message, true); }
        }, 'the run of ' + when))));
      edit.addEventListener('click', () => {
        const open = row.nextElementSibling && row.nextElementSibling.classList.contains('editing');
        if (open) return row.nextElementSibling.remove();
        rowUnder(row, 'editing', runEditor(r, shoes)).querySelector('input').focus();
      });
      return row;
    });
    const table = cardTable('j-runs', ['When', 'Distance', 'Time', 'Shoes', 'Numbness', 'Measured and notes', ''], rows);
    if (sorted.length <= RUNS_SHOWN) return table;
    const more = el('button', { type: 'button', id: 'j-runs-all',
      text: allRuns ? 'Show only the latest ' + RUNS_SHOWN : 'Show all ' + sorted.length + ' runs' });
    more.addEventListener('click', () => { allRuns = !allRuns; journal().then(() => $('j-runs-all').focus()); });
    return el('div', {}, el('p', { class: 'help', text: allRuns ? 'All ' + sorted.length + ' runs, newest first.'
      : 'The latest ' + RUNS_SHOWN + ' of ' + sorted.length + ' runs, newest first.' }), table, el('div', { class: 'actions' }, more));
  }

  // Uploads one watch file with its progress shown in bar; resolves to {ok, status, data}. merge:
  // a run like one typed by hand is taken into that run (the API's ?merge=1).
  function upload(file, bar, merge) {
    return new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.open('POST', '/api/import' + (merge ? '?merge=1' : ''));
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

  // What an upload stored: one run by its distance, several by their number, and what was not
  // (a run like one typed by hand is said apart, by typedWords).
  function imported(name, data) {
    const runs = data.runs || [];
    const n = data.stored || 1, other = runs.filter((x) => x.status !== 'imported' && x.status !== 'like_typed_run');
    let t = n === 1 ? 'Imported ' + km(data.run.distance_m) + ' from ' + name + '.'
      : 'Imported ' + n + ' runs from ' + name + '.';
    if (other.length) t += ' Not stored: ' + other.length + ' (' + other[0].message + (other.length > 1 ? '; ...' : '') + ').';
    return t;
  }

  // The file's runs that look like runs typed by hand, in the runner's words: the typed run's day,
  // time and distance as the run list shows them, not its number or a UTC time.
  function typedWords(name, typed) {
    const like = typed[0].like;
    const run = 'your run of ' + dateWords(like.start_time, true) + (like.distance_m === null ? '' : ', ' + km(like.distance_m));
    return typed.length === 1
      ? name + ' looks like ' + run + ', which you typed by hand, so it was not stored: it would count that run twice.'
      : name + ': ' + typed.length + ' of its runs look like runs you typed by hand (the first is ' + run + '), so they were not stored: they would count those runs twice.';
  }

  // After the merge: the typed run as it is now, with the file's measures.
  function mergedWords(name, data) {
    const r = data.run, n = data.merged || 1;
    if (n > 1 || !r) return 'Took the measures of ' + name + ' into ' + n + ' runs you typed; their numbness records are kept.';
    const dur = r.moving_s ?? r.elapsed_s;
    return 'Took the measures of ' + name + ' into your run of ' + dateWords(r.start_time, true) + ': now ' + km(r.distance_m) +
      (dur === null || dur === undefined ? '' : ' in ' + minutes(dur)) + ', its numbness records kept.';
  }

  // The offer under an upload's line whose runs look like runs typed by hand: the same file sent
  // again with merge, which keeps the typed runs (their shoes, notes and numbness) and gives them
  // the file's measures. A line with its own button, no modal dialog (see askDuplicate).
  function offerMerge(li, f, bar, words, typed, list) {
    const one = typed.length === 1;
    const btn = el('button', { type: 'button', class: 'primary', text: one ? "Take the file's measures into that run" : "Take the file's measures into those runs" });
    const box = el('div', { class: 'ask merge' },
      el('p', { class: 'help', text: 'The file\'s distance, time, heart rate, cadence and route replace what you typed; ' +
        (one ? 'the run keeps' : 'the runs keep') + ' its shoes, notes and numbness records.' }),
      el('div', { class: 'actions' }, btn));
    li.append(box);
    btn.addEventListener('click', async () => {
      btn.disabled = true;
      bar.value = 0;
      words.className = '';
      words.textContent = f.name + ': uploading again';
      bar.hidden = false;
      const r = await upload(f, bar, true);
      bar.hidden = true;
      const merged = r.ok && r.data.merged > 0;
      words.textContent = merged ? mergedWords(f.name, r.data) : (r.data.error || f.name + ': the server answered ' + r.status);
      words.className = merged ? '' : 'error';
      box.remove();
      await journal({ uploads: list });
      status($('j-import-status'), merged ? 'Taken into the run you typed.' : 'Not taken in (the reason is beside the file).', !merged);
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
      lines.push([f, bar, words, li]);
    }
    const results = [];
    for (const [f, bar, words, li] of lines) {
      words.textContent = f.name + ': uploading';
      const r = await upload(f, bar);
      // Done: the line says the outcome, and a bar left beside it would read as still under way.
      bar.hidden = true;
      const typed = (r.data.runs || []).filter((x) => x.status === 'like_typed_run' && x.like);
      // A file whose only news is a run typed by hand is no error: the runner is asked instead.
      const onlyTyped = !r.ok && r.status === 409 && typed.length > 0 && r.data.runs.every((x) => x.status === 'like_typed_run');
      words.textContent = r.ok ? imported(f.name, r.data) : onlyTyped ? '' : (r.data.error || f.name + ': the server answered ' + r.status);
      if (typed.length) words.textContent = (words.textContent ? words.textContent + ' ' : '') + typedWords(f.name, typed);
      words.className = r.ok || onlyTyped ? '' : 'error';
      if (typed.length) offerMerge(li, f, bar, words, typed, list);
      results.push(words.textContent);
    }
    return results;
  }

  function importForm() {
    const file = el('input', { type: 'file', id: 'j-file', accept: '.fit,.gpx,.tcx,.gz,.zip', multiple: true });
    const importStatus = el('p', { role: 'status', id: 'j-import-status' });
    const list = el('ul', { class: 'uploads', id: 'j-uploads' });
    const drop = el('div', { class: 'drop', id: 'j-drop' },
      el('p', { text: 'Drop FIT, GPX or TCX files from your watch here, or a Strava or Garmin export (.zip), or choose them:' }),
      el('label', { for: 'j-file', class: 'sr', text: 'Watch files (FIT, GPX or TCX) or an export (.zip)' }), file);
    const form = el('form', { id: 'j-import-form' }, drop,
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Import' })), list, importStatus);
    const run = async (files) => {
      if (!files.length) return status(importStatus, 'Choose a file first.', true);
      status(importStatus, 'Importing ' + files.length + ' file' + (files.length === 1 ? '' : 's') + '...');
      const results = await importFiles(files, list);
      await journal({ uploads: list });
      const ok = results.filter((t) => /^Imported/.test(t)).length;
      const typed = results.filter((t) => !/^Imported/.test(t) && /you typed by hand/.test(t)).length, bad = results.length - ok - typed;
      status($('j-import-status'), ok + ' imported' + (typed ? ', ' + typed + ' like a run you typed (you can take the file in)' : '') +
        (bad ? ', ' + bad + ' not (the reason is beside each)' : '') + '.', bad > 0);
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
    // A calendar day (YYYY-MM-DD) in words: read as a local date, not as UTC midnight, which west of
    // Greenwich is the day before.
    const day = (ymd) => { const [y, m, d] = ymd.split('-').map(Number); return dateWords(new Date(y, m - 1, d).toISOString()); };
    const wearWords = (g) => (g.retired ? 'retired ' + day(g.retired) : g.wear === 'retire' ? 'replace' : g.wear === 'check' ? 'check the midsole' : g.wear);
    const rows = gear.map((g) => el('tr', { 'data-gear': g.id },
      el('td', { class: 'title', text: g.nickname + (g.default ? ' (default)' : '') }), el('td', { text: g.kind }),
      el('td', {}, [g.brand, g.model].filter(Boolean).join(' ') || '-',
        g.first_use ? el('span', { class: 'sub', text: 'first used ' + day(g.first_use) }) : null),
      el('td', {}, wearBar(g)),
      el('td', { text: wearWords(g) }),
      el('td', { class: 'row-actions' }, el('div', { class: 'acts' },
        el('button', { type: 'button', class: 'link', text: 'Edit', 'aria-label': 'Edit ' + g.nickname, onclick: (ev) => openUnder(ev.target, gearEditor(g)) }),
        !g.retired && !g.default ? el('button', { type: 'button', class: 'link', text: 'Make default', 'aria-label': 'Make ' + g.nickname + ' the default', onclick: () => gearChange(g, { default: true }, g.nickname + ' is now the default.') }) : null,
        !g.retired ? el('button', { type: 'button', class: 'link danger', text: 'Retire', 'aria-label': 'Retire ' + g.nickname, onclick: (ev) => openUnder(ev.target, retireForm(g)) })
          : el('button', { type: 'button', class: 'link', text: 'Back in use', 'aria-label': 'Put ' + g.nickname + ' back in use', onclick: () => gearChange(g, { retired: null }, g.nickname + ' is back in use.') })))));
    return cardTable('j-gear', ['Nickname', 'Kind', 'Make', 'Used', 'Wear', ''], rows);
  }
  // Opens form in a row under the row of button (closing any open there), its first field focused.
  function openUnder(button, form) {
    const row = button.closest('tr');
    if (row.nextElementSibling && row.nextElementSibling.classList.contains('editing')) row.nextElementSibling.remove();
    rowUnder(row, 'editing', form).querySelector('input').focus();
  }
  // Retiring a pair on a day the runner gives (today unless said): a pair stopped weeks ago.
  function retireForm(g) {
    const st = el('p', { role: 'status' });
    const form = el('form', { class: 'edit', 'aria-label': 'Retire ' + g.nickname },
      field('Retired on', el('input', { type: 'date', name: 'retired', value: today(), max: today(), required: true })),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: 'Retire ' + g.nickname }),
        el('button', { type: 'button', text: 'Cancel', onclick: () => journal() })), st);
    sayInvalid(form, st);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try { await api('POST', '/api/gear/' + g.id, { retired: form.elements.retired.value }); await journal(); status($('j-gear-status'), g.nickname + ' retired.'); } catch (e) { status(st, e.message, true); }
    });
    return form;
  }
  // The fields of a pair, for adding one (g undefined) and for editing one.
  function gearFields(g) {
    g = g || {};
    const dist = (x) => (x === null || x === undefined ? '' : inUnit(x, 1));
    return [
      field('Nickname', el('input', { type: 'text', name: 'nickname', required: true, maxlength: '63', 'data-bytes': '63', value: g.nickname || '' })),
      g.id ? null : field('Kind', el('select', { name: 'kind' }, el('option', { value: 'shoes', text: 'shoes' }), el('option', { value: 'insoles', text: 'insoles' }))),
      field('Brand', el('input', { type: 'text', name: 'brand', maxlength: '63', 'data-bytes': '63', value: g.brand || '' })),
      field('Model', el('input', { type: 'text', name: 'model', maxlength: '63', 'data-bytes': '63', value: g.model || '' })),
      field('First used', el('input', { type: 'date', name: 'first_use', max: today(), value: g.first_use || '' })),
      field('Distance already run in them (' + unit() + ')', num('start_km', { value: dist(g.start_km) })),
      field('Retire after (' + unit() + ')', num('retire_km', { value: dist(g.retire_km) })),
    ];
  }
  // The edit of a pair: only the fields changed are sent (the distances are shown rounded).
  function gearEditor(g) {
    const st = el('p', { role: 'status' });
    const form = el('form', { class: 'edit', 'aria-label': 'Edit ' + g.nickname },
      el('div', { class: 'grid' }, ...gearFields(g)),
      el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: 'Save changes' }),
        el('button', { type: 'button', text: 'Cancel', onclick: () => journal() })), st);
    sayInvalid(form, st);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const change = {};
      try {
        for (const k of ['nickname', 'brand', 'model', 'first_use', 'start_km', 'retire_km']) {
          const f = form.elements[k];
          if (f.value === f.defaultValue) continue;
          change[k] = k.endsWith('_km') ? toKm(numVal(form, k)) : val(form, k);
        }
      } catch (e) { return status(st, e.message, true); }
      try {
        if (Object.keys(change).length) await api('POST', '/api/gear/' + g.id, change);
        await journal();
        status($('j-gear-status'), 'Changes to ' + (change.nickname || g.nickname) + ' saved.');
      } catch (e) { status(st, e.message, true); }
    });
    return form;
  }
  async function gearChange(g, change, done) {
    try { await api('POST', '/api/gear/' + g.id, change); await journal(); status($('j-gear-status'), done); } catch (e) { status($('j-gear-status'), e.message, true); }
  }

  function gearForm() {
    const gearStatus = el('p', { role: 'status', id: 'j-gear-status' });
    const form = el('form', { id: 'j-gear-form' },
      el('div', { class: 'grid' }, ...gearFields()),
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: 'Add shoes or insoles' })), gearStatus);
    sayInvalid(form, gearStatus);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      let g;
      try {
        g = { nickname: val(form, 'nickname'), kind: val(form, 'kind'), brand: val(form, 'brand'), model: val(form, 'model') };
        if (val(form, 'first_use') !== null) g.first_use = val(form, 'first_use');
        if (numVal(form, 'start_km') !== null) g.start_km = toKm(numVal(form, 'start_km'));
        if (numVal(form, 'retire_km') !== null) g.retire_km = toKm(numVal(form, 'retire_km'));
      } catch (e) { return status(gearStatus, e.message, true); }
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
      r.triage.ranked === false ? el('p', { text: r.triage.unranked_words || 'Not ranked.' })
        : el('ol', {}, ...r.ranking.slice(0, 5).map((c) => el('li', { text: c.name + ' (' + pct(c.probability) + ')' }))),
      el('p', { class: 'help', text: asked + ' answer' + (asked === 1 ? '' : 's') + (a.complete ? '.'
        : '; the interview was stopped before its last question, so the report does not use it.') }));
  }

  function savedTable(saved) {
    if (!saved.length) return el('p', { class: 'help', id: 'j-assessments', text: 'None yet: the result of an assessment has a button to save it here.' });
    const said = (text, bad) => status($('j-assessment-status'), text, bad);
    // Two assessments saved in the same minute would share their buttons' names: the id tells them apart.
    const times = {};
    for (const a of saved) { const w = dateWords(a.time, true); times[w] = (times[w] || 0) + 1; }
    const rows = saved.slice().reverse().map((a) => {
      const minute = dateWords(a.time, true);
      const when = times[minute] > 1 ? minute + ' (number ' + a.id + ')' : minute;
      const show = el('button', { type: 'button', class: 'link', text: 'Show', 'aria-expanded': 'false', 'aria-label': 'Show the assessment of ' + when });
      const row = el('tr', { 'data-assessment': a.id },
        el('td', { class: 'title', text: minute }),
        el('td', { text: a.complete ? 'Finished' : 'Not finished' }),
        el('td', { text: a.result ? nf.LEVEL_TITLE[a.result.triage.level] || a.result.triage.level : '-' }),
        el('td', { text: leading(a.result) }),
        el('td', { class: 'row-actions' }, el('div', { class: 'acts' }, show, confirmButton('Delete', 'Really delete?', async () => {
          try { await api('POST', '/api/assessments/' + a.id + '/delete'); await journal(); said('Assessment deleted.'); } catch (e) { said(e.message, true); }
        }, 'the assessment of ' + when))));
      show.addEventListener('click', async () => {
        const open = row.nextElementSibling && row.nextElementSibling.classList.contains('detail');
        if (open) { show.setAttribute('aria-expanded', 'false'); return row.nextElementSibling.remove(); }
        try {
          rowUnder(row, 'detail', await savedDetail(a.id));
          show.setAttribute('aria-expanded', 'true');
        } catch (e) { said(e.message, true); }
      });
      return row;
    });
    return cardTable('j-assessments', ['When', 'Finished', 'Advice', 'Most likely cause', ''], rows);
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

  // Measures rounded for a summary; a choice in the words the question offers it ("one foot").
  function valueWords(id, v) {
    const f = state.byId[id];
    if (typeof v === 'number' && f && f.distance) return inUnit(v, 1) + ' ' + unit();
    if (typeof v === 'number') return (Math.round(v * 10) / 10) + (f && f.unit ? ' ' + f.unit : '');
    return answerWords(id, v);
  }

  function trainingList(t) {
    const items = [];
    const r1 = (x) => Math.round(x * 10) / 10;
    // A change in percent says little when the weeks before were nearly empty.
    // Before the record begins (record_start: after the last gap of more than 4 weeks), a month
    // without runs is no data, not a month of rest.
    const from = t.record_start || t.first_run;
    if (t.week_km_recent !== null) items.push('Weekly distance over the last 4 weeks: ' + r1(fromKm(t.week_km_recent)) + ' ' + unit() +
      (t.week_change_pct !== null && t.week_km_before >= 5 ? ' (' + (t.week_change_pct >= 0 ? '+' : '') + Math.round(t.week_change_pct) + '% on the 4 weeks before)'
        : t.week_km_before !== null ? ' (' + r1(fromKm(t.week_km_before)) + ' ' + unit() + ' a week in the 4 weeks before)'
          : from ? ' (the record begins on ' + from + ': too short a record for the 4 weeks before)' : ''));
    else if (t.km_recent !== null && from) items.push('Distance logged since ' + from + ': ' + r1(fromKm(t.km_recent)) + ' ' + unit() + ' (too short a record for a weekly figure)');
    if (t.cadence_spm !== null) items.push('Cadence: ' + Math.round(t.cadence_spm) + ' steps per minute (median of ' + t.cadence_runs + ' runs)');
    if (t.stride_m !== null) items.push('Stride: ' + t.stride_m.toFixed(2) + ' m (median of ' + t.stride_runs + ' runs)');
    return items;
  }

  // The figures, each its own SVG laid out by the server for the width it is shown at (GET
  // /api/report/figure/N.svg?w=PX): on a phone its labels are as readable as on a wide screen. A
  // figure needs the token, which a plain image cannot send: each is fetched and shown from a blob,
  // freed when it is drawn again. When the column's width changes by more than a tenth (a turned
  // phone, a resized window), they are drawn again for the new width.
  const figureUrls = [];
  let figuresWidth = 0, figuresDrawn = 0;
  function figureList(list) {
    const box = el('div', { id: 't-figures', class: 'figure-list' });
    for (const f of list) {
      box.append(el('figure', { class: 'figure' }, el('img', { alt: f.title, 'data-figure': f.n, class: 'figure-img' })));
    }
    return box;
  }
  async function drawFigures(box) {
    const width = Math.round(box.clientWidth);
    if (!width) return;
    const mine = ++figuresDrawn;
    figuresWidth = width;
    const px = Math.max(210, Math.min(2800, width));
    await Promise.all([...box.querySelectorAll('img[data-figure]')].map(async (img, i) => {
      try {
        const { blob } = await nf.apiBlob('/api/report/figure/' + img.dataset.figure + '.svg?w=' + px);
        if (mine !== figuresDrawn) return;
        if (figureUrls[i]) URL.revokeObjectURL(figureUrls[i]);
        figureUrls[i] = img.src = URL.createObjectURL(blob);
        img.dataset.width = String(px);
      } catch (e) {
        img.replaceWith(el('p', { class: 'error', text: img.alt + ': the figure did not load: ' + e.message }));
      }
    }));
  }
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const box = $('t-figures');
      if (!box || $('screen-trends').hidden || !figuresWidth) return;
      if (Math.abs(box.clientWidth - figuresWidth) > figuresWidth / 10) drawFigures(box);
    }, 200);
  });

  async function trends() {
    const box = $('t-body');
    let a;
    try {
      a = await api('GET', '/api/analysis');
    } catch (e) {
      box.replaceChildren(el('p', { class: 'error', text: 'The journal is not available: ' + e.message }));
      return show('screen-trends');
    }
    // An open finding (no difference seen) settles nothing: the interview asks it, as assess does.
    const known = Object.entries(a.findings).filter(([id, d]) => state.byId[id] && !d.open);
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
    let figures;
    try {
      figures = figureList((await api('GET', '/api/report/figures')).figures);
    } catch (e) {
      figures = el('p', { class: 'error', id: 't-figures', text: 'The figures did not load: ' + e.message });
    }
    const reportStatus = el('p', { role: 'status', id: 't-report-status' });
    // The report needs the token, which a plain link cannot send: it is fetched and saved from a blob.
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
      el('h2', { text: 'From your own data' }),
      a.warning_sign ? el('p', { id: 't-warning-sign', class: 'error', role: 'alert', text: signWords(a.warning_sign) }) : null,
      list('t-advice', a.advice.map(forPage), a.warning_sign ? 'No other advice from your data yet.' : 'No advice from your data yet.'),
      el('h2', { text: 'What more to log' }), list('t-needs', a.needs.map(forPage), 'Nothing: the journal has enough for each pattern numbfoot looks for.'),
      el('h2', { text: 'Training' }), list('t-training', trainingList(a.training), 'No distances logged yet.'),
      el('h2', { text: 'Figures' }),
      figures,
      el('h2', { text: 'Report for your doctor' }),
      el('p', { text: 'One document with the latest finished assessment you saved (or one from your journal), your answers, the episode history, these figures and the sources.' }),
      el('div', { class: 'actions' },
        el('a', { class: 'button primary', id: 't-pdf', href: '/api/report.pdf', onclick: download, text: 'Download the report (PDF)' }),
        el('a', { class: 'button', id: 't-html', href: '/api/report.html', onclick: download, text: 'Download it as a web page (HTML)' })),
      reportStatus);
    show('screen-trends');
    if (figures.classList.contains('figure-list')) drawFigures(figures);
  }

  return { journal, trends };
};
