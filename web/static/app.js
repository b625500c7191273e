// numbfoot serve: the page. Plain JavaScript, no framework, nothing loaded from elsewhere.
// The server keeps no session: this page holds the answers and sends all of them each time.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const WHO = {
    sports_medicine: 'a sports-medicine doctor', physiotherapist: 'a physiotherapist',
    podiatrist: 'a podiatrist', gp: 'your GP (family doctor)', vascular_surgeon: 'a vascular surgeon',
    neurologist: 'a neurologist', spinal_surgeon: 'a spinal surgeon',
    foot_ankle_surgeon: 'a foot-and-ankle surgeon', emergency_department: 'the emergency department',
  };
  const LEVEL_TITLE = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine', self_care: 'Self-care' };
  // The one definition of the page's scripts (journal.js gets it from here); NF_KM_PER_MILE in
  // include/numbfoot/run.h is the program's, and tests/cli/test_km_per_mile.sh ties them.
  const KM_PER_MILE = 1.609344;

  const state = {
    kb: null, byId: {}, mode: 'runner', answers: {}, history: [], remembered: {}, question: null,
    miles: false, derived: {}, // derived: answers taken from the journal, with the evidence for each
    stopped: false, // the result was asked for before the interview's last question
  };

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v === null || v === undefined) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  }

  // ---- the token ----
  // Every API call sends it as X-Numbfoot-Token. It is never a cookie: cookies are not scoped by
  // port, so every other server on 127.0.0.1 would receive it and could plant its own. It comes
  // once, after the # of the address numbfoot serve prints (a fragment never reaches a server or
  // its logs), and is kept in localStorage, which belongs to this origin alone (port included) and
  // is shared by its tabs: a reload, or a new tab on this server, keeps working, and the next
  // launch's address replaces it. sessionStorage would be lost to every new tab.
  const TOKEN_KEY = 'numbfoot-token';
  let memoryToken = null; // when storage is refused (a private window's policy)
  const NO_TOKEN = 'This page has no valid key to numbfoot (a new one is made each time numbfoot serve starts): start numbfoot serve in a terminal and open the address it prints.';

  function stored() {
    try { return localStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
  }
  function keep(t) {
    memoryToken = t;
    try { if (t) localStorage.setItem(TOKEN_KEY, t); else localStorage.removeItem(TOKEN_KEY); } catch (e) { /* memory only */ }
  }
  // The newest token: another tab may have stored the next launch's since this one started.
  function token() { return stored() || memoryToken || ''; }

  // Takes the token out of the address bar at once, so that it is not bookmarked, shared or kept
  // in the history; returns it, or null.
  function launchToken() {
    const m = /(?:^#|&)token=([0-9a-f]{64})(?:&|$)/.exec(location.hash);
    if (/(?:^#|&)token=/.test(location.hash)) history.replaceState(null, '', location.pathname + location.search);
    return m ? m[1] : null;
  }

  // Finds a token the server takes: the address's first, else the stored one. A token from the
  // address replaces the stored one only once the server has accepted it, so that a link with a
  // wrong token cannot lock the runner out. Resolves to true or false.
  async function session() {
    const candidates = [launchToken(), token()].filter((t, i, all) => t && all.indexOf(t) === i);
    for (const t of candidates) {
      const r = await fetch('/api/session', { headers: { 'X-Numbfoot-Token': t }, cache: 'no-store' });
      if (r.ok) { keep(t); return true; }
      if (r.status !== 403) throw new Error('the server answered ' + r.status);
    }
    if (candidates.length) keep(null); // from an earlier launch: forget it
    return false;
  }

  async function request(method, path, opt) {
    const o = Object.assign({ method }, opt || {});
    o.headers = Object.assign({ 'X-Numbfoot-Token': token() }, o.headers || {});
    const r = await fetch(path, o);
    if (!r.ok) {
      let data = null;
      try { data = await r.json(); } catch (e) { data = null; }
      const msg = data && data.error ? data.error : 'the server answered ' + r.status;
      if (r.status === 403 && /token/.test(msg)) notice(NO_TOKEN);
      throw new Error(msg);
    }
    return r;
  }

  async function api(method, path, body) {
    const opt = body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const r = await request(method, path, opt);
    try { return await r.json(); } catch (e) { return null; }
  }

  // A file from the API (the report, its figures) as a blob with the name the server gives it:
  // a plain link or image could not send the token.
  async function apiBlob(path) {
    const r = await request('GET', path);
    const m = /filename="?([^";]+)"?/.exec(r.headers.get('Content-Disposition') || '');
    return { blob: await r.blob(), name: m ? m[1] : '' };
  }
  window.numbfootApi = api;

  // Dates in the browser's locale, in words and without seconds: "3 Dec 2026", "3 Dec 2026, 07:00".
  const DAY_WORDS = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  const CLOCK = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
  function dateWords(iso, withTime) {
    const d = new Date(iso);
    if (!iso || isNaN(d)) return '-';
    return DAY_WORDS.format(d) + (withTime ? ', ' + CLOCK.format(d) : '');
  }
  function clockWords(iso) {
    const d = new Date(iso);
    return !iso || isNaN(d) ? '' : CLOCK.format(d);
  }

  function status(box, text, bad) { box.textContent = text; box.className = bad ? 'error' : 'help'; }

  function notice(text) {
    const n = $('notice');
    n.textContent = text || '';
    n.hidden = !text;
  }

  let step = 0;
  let assessScreen = 'screen-start'; // where "Assessment" in the menu goes back to
  function show(id) {
    document.body.dataset.step = String(++step); // for the tests: a new screen is on show
    const nav = { 'screen-journal': 'nav-journal', 'screen-trends': 'nav-trends' }[id] || 'nav-assess';
    if (nav === 'nav-assess') assessScreen = id;
    for (const s of document.querySelectorAll('.screen')) s.hidden = s.id !== id;
    for (const n of ['nav-assess', 'nav-journal', 'nav-trends']) $(n).setAttribute('aria-current', n === nav ? 'page' : 'false');
    const h = document.querySelector('#' + id + ' h1');
    if (h) h.focus();
    window.scrollTo(0, 0);
  }

  function body() {
    return { mode: state.mode, answers: state.answers, screens: state.history.length };
  }

  function setBanner(triage) {
    const b = $('banner');
    if (triage && triage.level === 'emergency') {
      b.className = 'banner emergency';
      b.replaceChildren('Stop running and get emergency care now.');
      if (triage.red_flag && triage.red_flag.says) b.append(el('span', { class: 'says', text: triage.red_flag.says }));
      b.hidden = false;
    } else {
      b.hidden = true;
      b.replaceChildren();
    }
  }

  // ---- the interview ----

  // The estimate of the screens left takes the server milliseconds where the next question takes
  // microseconds: both are asked at once, and the bar follows when its answer comes.
  let progressAsked = 0;
  async function showProgress(pending, asked, redFlags) {
    const mine = ++progressAsked;
    const p = await pending;
    if (!p || mine !== progressAsked || p.screens !== asked) return;
    $('progress-fill').style.width = Math.round(p.fraction * 100) + '%';
    $('progress-text').textContent = 'Question ' + (asked + 1) + ' of about ' + (asked + Math.max(1, p.left)) +
      (redFlags ? ': warning signs first' : '');
  }

  async function next() {
    $('q-error').textContent = '';
    const b = body();
    const progress = api('POST', '/api/assess/progress', b).catch(() => null);
    const r = await api('POST', '/api/assess/next', b);
    setBanner(r.triage.stop ? r.triage : null);
    state.stopped = !r.done;
    if (r.done) { progressAsked++; return result(); }
    state.question = r.question;
    renderQuestion(r);
    showProgress(progress, r.progress.screens, r.question.red_flags);
  }

  function unitFor(f) {
    if (f.distance) return state.miles ? 'mi' : 'km';
    return f.unit || '';
  }

  function renderQuestion(r) {
    const q = r.question;
    // "Question N" at once; "of about M" and the bar when the estimate comes (showProgress).
    $('progress-text').textContent = 'Question ' + (r.progress.screens + 1) + (q.red_flags ? ': warning signs first' : '');
    $('q-title').textContent = q.title;
    const fields = $('q-fields');
    fields.replaceChildren();
    $('q-back').disabled = state.history.length === 0;
    const fs = q.findings.map((id) => state.byId[id]);
    if (q.checklist && !q.red_flags) {
      renderChecklist(fs);
      return show('screen-question');
    }
    if (q.checklist) {
      // The warning signs need a choice: nothing ticked is not "none of these" there, so a
      // hurried Next cannot pass them.
      $('q-help').textContent = 'Tick each that applies, or "None of these". Choose "Don\'t know" if you are unsure.';
      const set = el('fieldset', {}, el('legend', { class: 'sr', text: 'Tick those that apply' }));
      for (const f of fs) {
        const prev = state.remembered[f.id];
        set.append(el('label', { class: 'choice' },
          el('input', { type: 'checkbox', name: f.id, value: 'yes', checked: prev === true }),
          el('span', {}, f.question, el('span', { class: 'sub', text: f.help }))));
      }
      if (q.red_flags) {
        const none = el('input', { type: 'checkbox', id: 'q-none', name: 'none-of-these', value: 'none',
          checked: fs.every((f) => state.remembered[f.id] === false) });
        set.append(el('label', { class: 'choice none' }, none, el('span', { text: 'None of these' })));
        // "None of these" and a ticked sign exclude each other.
        set.addEventListener('change', (ev) => {
          if (!ev.target.checked) return;
          for (const i of set.querySelectorAll('input[type=checkbox]')) if ((i === none) !== (ev.target === none)) i.checked = false;
        });
      }
      fields.append(set);
      $('q-next').textContent = 'Next';
      return show('screen-question');
    }
    const f = fs[0];
    $('q-help').textContent = f.help || '';
    const prev = state.remembered[f.id];
    const legend = el('legend', { text: 'Your answer' });
    if (f.type === 'bool') {
      fields.append(el('fieldset', {}, legend,
        el('label', { class: 'choice' }, el('input', { type: 'radio', name: f.id, value: 'yes', checked: prev === true }), 'Yes'),
        el('label', { class: 'choice' }, el('input', { type: 'radio', name: f.id, value: 'no', checked: prev === false }), 'No')));
    } else if (f.type === 'enum' || f.type === 'set') {
      const set = el('fieldset', {}, el('legend', { text: f.type === 'set' ? 'Tick all that apply' : 'Choose one' }));
      for (const v of f.values) {
        const on = f.type === 'set' ? Array.isArray(prev) && prev.includes(v.id) : prev === v.id;
        set.append(el('label', { class: 'choice' },
          el('input', { type: f.type === 'set' ? 'checkbox' : 'radio', name: f.id, value: v.id, checked: on }),
          v.means));
      }
      fields.append(set);
    } else {
      const unit = unitFor(f);
      const shown = typeof prev === 'number' ? (f.distance && state.miles ? +(prev / KM_PER_MILE).toFixed(1) : prev) : '';
      const row = el('div', { class: 'number-row' },
        el('label', { for: 'num-' + f.id, text: 'Your answer' + (unit ? ' (' + unit + ')' : '') }),
        el('input', { type: 'number', id: 'num-' + f.id, name: f.id, min: '0', step: 'any', inputmode: 'decimal', value: shown }));
      if (f.distance) {
        const sel = el('select', { id: 'unit-' + f.id, 'aria-label': 'Unit' },
          el('option', { value: 'km', text: 'km', selected: !state.miles }),
          el('option', { value: 'mi', text: 'miles', selected: state.miles }));
        sel.addEventListener('change', () => { state.miles = sel.value === 'mi'; });
        row.append(sel);
      }
      fields.append(row);
    }
    show('screen-question');
  }

  // A checklist other than the warning signs: each item yes, no or don't know, so that ticking one
  // says nothing of the others. An item starts at its earlier answer, else at "Don't know";
  // "No to the rest" answers no to every item still there. The same choices send what the
  // terminal's "1 3" (yes to those, no to the rest) and "?" (don't know to all) record.
  function renderChecklist(fs) {
    $('q-help').textContent = 'For each, choose Yes, No or Don\'t know.';
    const CHOICES = [['yes', 'Yes'], ['no', 'No'], ['unknown', 'Don\'t know']];
    const list = el('div', { class: 'tri-list' });
    for (const f of fs) {
      const prev = state.remembered[f.id];
      const chosen = prev === true ? 'yes' : prev === false ? 'no' : 'unknown';
      const help = f.help ? el('p', { class: 'sub', id: 'help-' + f.id, text: f.help }) : null;
      list.append(el('fieldset', { class: 'tri', 'aria-describedby': help ? 'help-' + f.id : null },
        el('legend', { text: f.question }), help,
        el('div', { class: 'seg' }, ...CHOICES.map(([v, t]) => el('label', {},
          el('input', { type: 'radio', name: f.id, value: v, checked: chosen === v }), el('span', { text: t }))))));
    }
    const rest = el('button', { type: 'button', class: 'link', id: 'q-rest-no', text: 'No to the rest' });
    rest.addEventListener('click', () => {
      for (const f of fs) {
        const unknown = list.querySelector('input[name="' + f.id + '"][value=unknown]');
        if (unknown.checked) list.querySelector('input[name="' + f.id + '"][value=no]').checked = true;
      }
    });
    $('q-fields').append(list, el('p', { class: 'rest' }, rest));
    $('q-next').textContent = 'Next';
  }

  // Reads the form into values for each finding on the screen; null when nothing is chosen.
  function readForm() {
    const q = state.question;
    const form = $('q-form');
    const out = {};
    if (q.checklist && !q.red_flags) {
      for (const id of q.findings) {
        const c = form.querySelector('input[name="' + id + '"]:checked');
        out[id] = !c || c.value === 'unknown' ? null : c.value === 'yes';
      }
      return out;
    }
    if (q.checklist) {
      for (const id of q.findings) out[id] = form.querySelector('input[name="' + id + '"]').checked;
      const none = $('q-none');
      if (none && !none.checked && !Object.values(out).some(Boolean)) {
        throw new Error('Tick those that apply, or "None of these", or choose "Don\'t know".');
      }
      return out;
    }
    const f = state.byId[q.findings[0]];
    const inputs = [...form.querySelectorAll('input[name="' + f.id + '"]')];
    if (f.type === 'bool') {
      const c = inputs.find((i) => i.checked);
      if (!c) throw new Error('Choose yes or no, or "Don\'t know".');
      out[f.id] = c.value === 'yes';
    } else if (f.type === 'enum') {
      const c = inputs.find((i) => i.checked);
      if (!c) throw new Error('Choose one of the answers, or "Don\'t know".');
      out[f.id] = c.value;
    } else if (f.type === 'set') {
      out[f.id] = inputs.filter((i) => i.checked).map((i) => i.value);
      if (!out[f.id].length) throw new Error('Tick at least one, or "Don\'t know".');
    } else {
      const s = inputs[0].value.trim();
      const x = Number(s);
      if (s === '' || !isFinite(x) || x < 0 || x > 1e6) throw new Error('Type a number (0 or more), or "Don\'t know".');
      out[f.id] = f.distance && state.miles ? x * KM_PER_MILE : x;
    }
    return out;
  }

  async function answer(values) {
    const q = state.question;
    for (const [k, v] of Object.entries(values)) {
      state.answers[k] = v;
      state.remembered[k] = v;
    }
    state.history.push(q.findings.slice());
    try {
      await next();
    } catch (e) {
      // Undo so that the screen can be answered again.
      state.history.pop();
      for (const k of Object.keys(values)) delete state.answers[k];
      $('q-error').textContent = e.message;
    }
  }

  async function back() {
    const last = state.history.pop();
    if (!last) return;
    for (const id of last) delete state.answers[id];
    try { await next(); } catch (e) { $('q-error').textContent = e.message; }
  }

  async function start(mode) {
    state.mode = mode;
    state.answers = {};
    state.remembered = {};
    state.history = [];
    state.derived = {};
    setBanner(null);
    await next();
  }

  // Starts with answers the journal's analysis derived (why: the evidence for each); the
  // interview asks only what they leave open.
  async function startWith(answers, why) {
    state.mode = 'runner';
    state.answers = Object.assign({}, answers);
    state.remembered = Object.assign({}, answers);
    state.history = [];
    state.derived = Object.assign({}, why);
    setBanner(null);
    await next();
  }

  // ---- the result ----

  function answerWords(id, v) {
    const f = state.byId[id];
    if (!f) return String(v);
    if (v === null) return "don't know";
    if (f.type === 'bool') return v ? 'yes' : 'no';
    const means = (x) => { const m = f.values.find((y) => y.id === x); return m ? m.means : x; };
    if (f.type === 'enum') return means(v);
    if (f.type === 'set') return v.length ? v.map(means).join(', ') : 'none of the listed places';
    if (f.distance && state.miles) return (v / KM_PER_MILE).toPrecision(3) + ' mi';
    return v + (f.unit ? ' ' + f.unit : '');
  }

  function pct(p) {
    if (p > 0.99) return '>99%';
    if (p < 0.01) return '<1%';
    return Math.round(p * 100) + '%';
  }

  // What a warning sign can mean, so that a footwear cause leading the ranking under it is not
  // read as the answer to the sign (the terminal says the same).
  function pointsTo(red) {
    const to = (red && red.points_to) || [];
    if (!to.length) return [];
    const names = to.slice(0, 3).map((c) => c.name);
    const list = names.length > 1 ? names.slice(0, -1).join(', ') + ' or ' + names[names.length - 1] : names[0];
    return [el('div', { class: 'says', id: 'r-points-to', text: 'The warning sign can mean: ' + list +
      '. The causes below are ranked on all your other answers too; they do not outweigh the warning sign.' })];
  }

  async function result() {
    const r = await api('POST', '/api/assess/result', body());
    const t = r.triage;
    setBanner(t.level === 'emergency' ? t : null);
    const box = $('r-triage');
    box.className = 'triage ' + t.level;
    box.replaceChildren(el('strong', { text: LEVEL_TITLE[t.level] || t.level }), t.words);
    if (t.red_flag && t.red_flag.says) box.append(el('div', { class: 'says', text: 'Warning sign: ' + t.red_flag.says }));
    box.append(...pointsTo(t.red_flag));

    const causes = $('r-causes');
    causes.replaceChildren();
    let estimated = 0;
    for (const c of r.ranking.slice(0, 5)) {
      const bar = el('span', {});
      bar.style.width = Math.max(0.5, c.probability * 100).toFixed(1) + '%';
      const reasons = el('ul', { class: 'reasons' });
      for (const why of c.reasons.slice(0, 3)) {
        const f = state.byId[why.finding];
        // The factor as the terminal and the report write it (nf_factor_text): the times the odds
        // moved, one decimal below 10, whole from 10.
        const times = Math.min(Math.exp(Math.abs(why.weight)), 999999);
        const factor = '\u00d7' + (times >= 9.95 ? times.toFixed(0) : times.toFixed(1));
        // Judgement and data apart: a reason whose likelihood is an estimate says so.
        const est = why.evidence === 'estimate';
        if (est) estimated++;
        reasons.append(el('li', {
          class: est ? 'estimate' : null,
          text: (why.weight >= 0 ? 'raised by ' : 'lowered by ') + (f ? f.means : why.finding) + ': ' +
            answerWords(why.finding, why.answer) + ' (' + factor + (est ? ', estimate' : '') + ')' +
            (state.derived[why.finding] ? ', from your journal' : ''),
        }));
      }
      causes.append(el('li', {},
        el('div', { class: 'cause-head' }, el('span', { text: c.name }), el('span', { text: pct(c.probability) })),
        el('div', { class: 'bar', role: 'img', 'aria-label': c.name + ': ' + pct(c.probability) }, bar),
        el('p', { class: 'help', text: c.summary }),
        reasons.childElementCount ? reasons : null));
    }
    $('r-evidence').hidden = !estimated;

    // The first step leads when it is an action (whom to see and how soon, or go now); a self-care
    // first step is already the first of its plan. Each plan ends with its safety net.
    const plan = $('r-plan');
    plan.replaceChildren();
    const first = r.first_step;
    if (first && first.kind === 'action') plan.append(el('p', { class: 'first-step' }, el('strong', { text: 'First: ' }), first.step));
    for (const p of r.plan) {
      if (!p.steps.length) continue;
      const ol = el('ol', { class: 'plan-steps' });
      for (const s of p.steps) {
        ol.append(el('li', {
          class: s.kind === 'safety_net' ? 'safety-net' : null,
          text: s.step + (s.weeks ? ' (try for ' + s.weeks + ' week' + (s.weeks === 1 ? '' : 's') + ')' : ''),
        }));
      }
      plan.append(el('h3', { text: 'If it is ' + p.name + ' (' + pct(p.probability) + ')' }), ol);
    }
    const see = $('r-see');
    see.replaceChildren();
    for (const w of r.see) see.append(el('li', { text: WHO[w] || w }));
    $('r-disclaimer').textContent = r.disclaimer;
    $('r-unfinished').hidden = !state.stopped;
    $('r-save-status').textContent = '';
    show('screen-result');
  }

  // ---- wiring ----

  async function boot() {
    try {
      if (!(await session())) {
        // Said on the first screen, before anything is pressed: nothing here works without it.
        notice(NO_TOKEN);
        $('start-button').disabled = true;
        document.body.dataset.ready = 'no-token';
        return;
      }
      state.kb = await api('GET', '/api/kb');
    } catch (e) {
      notice('Could not load the questions: ' + e.message);
      return;
    }
    for (const f of state.kb.findings) state.byId[f.id] = f;
    state.miles = state.kb.units === 'mi';
    $('start-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const m = $('start-form').querySelector('input[name="mode"]:checked').value;
      start(m).catch((e) => notice(e.message));
    });
    $('q-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      let values;
      try { values = readForm(); } catch (e) { $('q-error').textContent = e.message; return; }
      answer(values);
    });
    $('q-unknown').addEventListener('click', () => {
      const v = {};
      for (const id of state.question.findings) v[id] = null;
      answer(v);
    });
    $('q-back').addEventListener('click', () => back());
    $('q-stop').addEventListener('click', () => {
      state.stopped = true;
      result().catch((e) => { $('q-error').textContent = e.message; });
    });
    $('r-save').addEventListener('click', async () => {
      try {
        const r = await api('POST', '/api/assessments', body());
        status($('r-save-status'), 'Saved in your journal (' + dateWords(r.time, true) + ')' +
          (r.complete ? '.' : ', marked not finished: the report uses the latest finished assessment.'));
      } catch (e) { status($('r-save-status'), 'Not saved: ' + e.message, true); }
    });
    $('r-back').addEventListener('click', () => back());
    $('r-again').addEventListener('click', () => { setBanner(null); show('screen-start'); });
    $('nav-assess').addEventListener('click', () => show(assessScreen));
    const screens = window.numbfootJournal({
      $, el, api, show, pct, state, notice, startWith, LEVEL_TITLE, KM_PER_MILE,
      status, token, apiBlob, dateWords, clockWords, answerWords,
    });
    for (const [nav, go] of [['nav-journal', screens.journal], ['nav-trends', screens.trends]]) {
      $(nav).hidden = false;
      $(nav).addEventListener('click', () => go().catch((e) => notice(e.message)));
    }
    document.body.dataset.ready = 'yes';
  }

  document.addEventListener('DOMContentLoaded', boot);
  // The next launch's address pasted into an open tab changes only the fragment, which reloads
  // nothing by itself.
  window.addEventListener('hashchange', () => { if (/(?:^#|&)token=/.test(location.hash)) location.reload(); });
})();
