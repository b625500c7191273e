// numbfoot, the static site: the interview and its result, run by numbfoot.wasm in this page
// (engine.js), and the results kept on this device (store.js). Plain JavaScript, no framework.
// The page holds the answers and gives all of them to the engine at each step, as the served page
// sends them to numbfoot serve.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  // The result on screen and the helpers it shares with the served page (web/static/display.js,
  // which mk/site.mk puts first in numbfoot.js).
  const D = window.numbfootDisplay;
  const { el, leading, LEVEL_TITLE } = D;
  const UNITS_KEY = 'numbfoot-units';
  // The interview in progress, kept for this tab in sessionStorage (it ends with the tab, and
  // nothing of it leaves the device) so that a reload resumes it instead of starting again.
  const KEEP_KEY = 'numbfoot-site-interview';

  const state = {
    q: null, byId: {}, mode: 'runner', answers: {}, remembered: {}, history: [], question: null,
    stopped: false, // the result was asked for before the interview's last question
    shown: null,    // the result on screen: {time, complete, mode, questions, answers, result, id?}
    interviewResult: null, // the interview's own result, once it has one
    triage: null,   // the interview's triage at its last step (numbfoot.next), for the banner
    miles: false,
  };

  function say(box, text, bad) { box.textContent = text; box.className = bad ? 'error' : 'help'; }
  function notice(text) { $('notice').textContent = text || ''; $('notice').hidden = !text; }

  let step = 0;
  let assessScreen = 'screen-start'; // where "Assessment" goes back to, the interview kept
  function show(id) {
    document.body.dataset.step = String(++step); // for the tests: a new screen is on show
    for (const s of document.querySelectorAll('.screen')) s.hidden = s.id !== id;
    // The saved results and one of them opened are under "Saved results"; the rest is the interview.
    const saved = id === 'screen-saved' || (id === 'screen-result' && state.shown.id !== undefined);
    if (!saved) assessScreen = id;
    // The banner stays above the interview's screens while its level is emergency, as on the served
    // page; a result on show (the interview's or a saved one) has set its own.
    if (id !== 'screen-result') D.banner(state.triage, state.byId, state.answers, state.miles);
    $('nav-assess').setAttribute('aria-current', saved ? 'false' : 'page');
    $('nav-saved').setAttribute('aria-current', saved ? 'page' : 'false');
    const h = document.querySelector('#' + id + ' h1');
    if (h) h.focus();
    window.scrollTo(0, 0);
  }

  function request() { return { mode: state.mode, answers: state.answers, screens: state.history.length }; }

  function keep(atResult) {
    const o = { mode: state.mode, answers: state.answers, remembered: state.remembered, history: state.history,
      stopped: state.stopped, atResult };
    try { sessionStorage.setItem(KEEP_KEY, JSON.stringify(o)); } catch (e) { /* kept in memory only */ }
  }
  function forget() { try { sessionStorage.removeItem(KEEP_KEY); } catch (e) { /* nothing kept */ } }

  // After a reload only (a new visit starts afresh): the kept interview, at its question or its
  // result. One the engine no longer takes (another version of the site) is forgotten.
  function resume() {
    const nav = performance.getEntriesByType('navigation')[0];
    if (!nav || nav.type !== 'reload') return false;
    let o = null;
    try { o = JSON.parse(sessionStorage.getItem(KEEP_KEY) || 'null'); } catch (e) { o = null; }
    if (!o || typeof o.answers !== 'object' || !Array.isArray(o.history)) return false;
    Object.assign(state, { mode: o.mode === 'clinician' ? 'clinician' : 'runner', answers: o.answers,
      remembered: o.remembered || {}, history: o.history, triage: null });
    try {
      state.stopped = !!o.stopped;
      if (o.atResult) result();
      else next();
      return true;
    } catch (e) {
      forget();
      Object.assign(state, { answers: {}, remembered: {}, history: [] });
      return false;
    }
  }

  // ---- the interview ----

  function next() {
    $('q-error').textContent = '';
    const r = window.numbfoot.next(request());
    // At once when the level is emergency, by a sign (which also ends the interview) or by a rule
    // on the answers given so far (the interview goes on under it); hidden again when Back or a
    // changed answer lifts it.
    state.triage = r.triage;
    D.banner(r.triage, state.byId, state.answers, state.miles);
    state.stopped = !r.done;
    if (r.done) return result();
    state.question = r.question;
    renderQuestion(r);
  }

  function checklist(q, fs) {
    // The warning signs need a choice: nothing ticked is not "none of these" there, so that a
    // hurried Next cannot pass them.
    $('q-help').textContent = q.red_flags
      ? 'Tick each that applies, or "None of these". Choose "Don\'t know" if you are unsure.'
      : 'Tick each that applies; leave the rest. Choose "Don\'t know" if you are unsure.';
    return D.ticks(fs, state.remembered, q.red_flags);
  }

  function single(f) {
    return D.single(f, state.remembered[f.id], state.miles, (miles) => {
      state.miles = miles;
      try { localStorage.setItem(UNITS_KEY, miles ? 'mi' : 'km'); } catch (e) { /* this visit only */ }
    });
  }

  function renderQuestion(r) {
    const q = r.question;
    $('progress-fill').style.width = Math.round(r.progress.fraction * 100) + '%';
    $('progress-text').textContent = 'Question ' + (r.progress.screens + 1) + (q.red_flags ? ': warning signs first' : '');
    $('q-title').textContent = q.title;
    $('q-back').disabled = state.history.length === 0;
    const fs = q.findings.map((id) => state.byId[id]);
    state.eachSign = false;
    if (q.checklist) {
      $('q-fields').replaceChildren(checklist(q, fs));
    } else {
      $('q-help').textContent = fs[0].help || '';
      $('q-fields').replaceChildren(single(fs[0]));
    }
    show('screen-question');
  }

  // The screen's answers by finding; throws what is missing in words.
  function readForm() {
    const q = state.question, form = $('q-form'), out = {};
    const inputs = (id) => [...form.querySelectorAll('input[name="' + id + '"]')];
    if (q.checklist && state.eachSign) return D.readTri(form, q.findings);
    if (q.checklist) {
      for (const id of q.findings) out[id] = inputs(id)[0].checked;
      const none = $('q-none');
      if (none && !none.checked && !Object.values(out).some(Boolean)) {
        throw new Error('Tick those that apply, or "None of these", or choose "Don\'t know".');
      }
      return out;
    }
    const f = state.byId[q.findings[0]];
    const picked = inputs(f.id).filter((i) => i.checked).map((i) => i.value);
    if (f.type === 'number') {
      out[f.id] = D.numberAnswer(f, inputs(f.id)[0].value, state.miles);
      const again = D.ageAgain(f, out[f.id], state.childAge);
      if (again) {
        state.childAge = out[f.id];
        throw new Error(again);
      }
    } else if (!picked.length) {
      throw new Error({ bool: 'Choose yes or no', enum: 'Choose one of the answers', set: 'Tick at least one' }[f.type] + ', or "Don\'t know".');
    } else {
      out[f.id] = f.type === 'bool' ? picked[0] === 'yes' : f.type === 'enum' ? picked[0] : picked;
    }
    return out;
  }

  // Each step is timed for bench/site.sh: from the answer to the next screen on show.
  function answer(values) {
    const t0 = performance.now();
    for (const [k, v] of Object.entries(values)) { state.answers[k] = v; state.remembered[k] = v; }
    state.history.push(state.question.findings.slice());
    try {
      next();
      keep(false);
      performance.measure('numbfoot:step', { start: t0 });
    } catch (e) {
      state.history.pop();
      for (const k of Object.keys(values)) delete state.answers[k];
      $('q-error').textContent = e.message;
    }
  }

  function back() {
    const last = state.history.pop();
    if (!last) return;
    for (const id of last) delete state.answers[id];
    try { next(); keep(false); } catch (e) { $('q-error').textContent = e.message; }
  }

  function start(mode) {
    const t0 = performance.now();
    Object.assign(state, { mode, answers: {}, remembered: {}, history: [], triage: null });
    next();
    keep(false);
    performance.measure('numbfoot:first-question', { start: t0 });
  }

  // ---- the result ----

  // Shows a result: the interview's own (rec.id absent) or a saved one.
  function renderResult(rec) {
    const r = rec.result, saved = rec.id !== undefined;
    state.shown = rec;
    D.result(r, { byId: state.byId, miles: state.miles, see: (w) => state.q.see[w] || w });
    $('r-unfinished').hidden = rec.complete;
    $('r-when').hidden = !saved;
    $('r-when').textContent = saved ? 'Saved on this device on ' + new Date(rec.time).toLocaleString() + '.' : '';
    $('r-title').textContent = saved ? 'A saved result' : 'What your answers suggest';
    $('r-save').hidden = saved;
    $('r-save').disabled = rec.savedAs !== undefined;
    $('r-back').hidden = saved;
    $('r-status').textContent = '';
    show('screen-result');
  }

  function result() {
    const r = window.numbfoot.result(request());
    state.interviewResult = {
      time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), complete: !state.stopped, mode: state.mode,
      questions: state.history.length, answers: r.answers, result: r,
    };
    renderResult(state.interviewResult);
    keep(true);
  }

  // ---- saved results ----

  function download(rec) {
    const text = JSON.stringify(window.numbfootStore.exported(rec), null, 2) + '\n';
    const a = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: window.numbfootStore.fileName(rec) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  }

  async function savedScreen(message) {
    const list = await window.numbfootStore.list();
    $('s-empty').hidden = list.length > 0;
    $('s-list').replaceChildren(...list.map((rec) => {
      const when = new Date(rec.time).toLocaleString();
      const open = el('button', { type: 'button', text: 'Open', 'aria-label': 'Open the result of ' + when });
      const exp = el('button', { type: 'button', text: 'Export', 'aria-label': 'Export the result of ' + when });
      const del = el('button', { type: 'button', class: 'danger', text: 'Delete', 'aria-label': 'Delete the result of ' + when });
      open.addEventListener('click', () => renderResult(rec));
      exp.addEventListener('click', () => download(rec));
      del.addEventListener('click', async () => {
        if (!window.confirm('Delete the result of ' + when + ' from this device?')) return;
        try {
          await window.numbfootStore.remove(rec.id);
          await savedScreen('Deleted the result of ' + when + '.');
        } catch (e) { say($('s-status'), 'Not deleted: ' + e.message, true); }
      });
      const t = rec.result.triage.level;
      return el('li', { class: 'saved-item', 'data-id': String(rec.id) },
        el('p', {}, el('strong', { text: when }), el('span', { class: 'level ' + t, text: LEVEL_TITLE[t] || t })),
        el('p', { class: 'help', text: leading(rec.result) + (rec.complete ? '' : '; the questions stopped early') }),
        el('div', { class: 'row-actions' }, open, exp, del));
    }));
    say($('s-status'), message || '');
    show('screen-saved');
  }

  // ---- wiring ----

  function wire() {
    $('start-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      try { start($('start-form').querySelector('input[name="mode"]:checked').value); } catch (e) { notice(e.message); }
    });
    $('q-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      try { answer(readForm()); } catch (e) { $('q-error').textContent = e.message; }
    });
    $('q-unknown').addEventListener('click', () => {
      const v = D.dontKnow(state);
      if (v) answer(v);
    });
    $('q-back').addEventListener('click', back);
    $('q-stop').addEventListener('click', () => {
      state.stopped = true;
      try { result(); } catch (e) { $('q-error').textContent = e.message; }
    });
    $('r-save').addEventListener('click', async () => {
      try {
        const rec = Object.assign({}, state.shown);
        delete rec.id;
        delete rec.savedAs;
        const id = await window.numbfootStore.save(rec);
        state.shown.savedAs = id;
        $('r-save').disabled = true;
        say($('r-status'), 'Saved on this device (number ' + id + ' in Saved results).');
      } catch (e) { say($('r-status'), 'Not saved: ' + e.message, true); }
    });
    $('r-export').addEventListener('click', () => download(state.shown));
    $('r-back').addEventListener('click', back);
    $('r-again').addEventListener('click', () => {
      state.triage = null; // a new interview: no level yet
      forget();
      assessScreen = 'screen-start';
      show('screen-start');
    });
    $('nav-assess').addEventListener('click', () => {
      if (assessScreen === 'screen-result') renderResult(state.interviewResult);
      else show(assessScreen);
    });
    $('nav-saved').addEventListener('click', () => savedScreen().catch((e) => notice('The saved results cannot be read: ' + e.message)));
  }

  async function boot() {
    try { state.miles = localStorage.getItem(UNITS_KEY) === 'mi'; } catch (e) { /* km */ }
    wire();
    try {
      await window.numbfoot.ready;
    } catch (e) {
      $('loading').textContent = 'The questions could not be loaded: ' + e.message;
      document.body.dataset.ready = 'failed';
      return;
    }
    state.q = window.numbfoot.questions;
    for (const f of state.q.findings) state.byId[f.id] = f;
    $('loading').hidden = true;
    $('start-button').disabled = false;
    resume();
    document.body.dataset.ready = 'yes';
    performance.mark('numbfoot:ready'); // since the page was opened: bench/site.sh
    // Offline after the first visit: the service worker keeps every file of the site.
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('sw.js').catch((e) => console.warn('no offline copy: ' + e.message));
    }
  }

  document.addEventListener('DOMContentLoaded', boot);
})();
