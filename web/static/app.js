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
  // The result on screen and the helpers it shares with the static site (display.js).
  const D = window.numbfootDisplay;
  const { el, pct, LEVEL_TITLE, KM_PER_MILE } = D;

  const state = {
    kb: null, byId: {}, mode: 'runner', answers: {}, history: [], remembered: {}, question: null,
    miles: false, derived: {}, // derived: answers taken from the journal, with the evidence for each
    stopped: false, // the result was asked for before the interview's last question
    active: false, // an interview is under way (or its result on show)
    screen: 'question', // the interview's screen on show: question, result or nothing (no answer yet)
  };

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
      const e = new Error(msg);
      e.status = r.status; // a caller may answer some (409: a run like one stored) itself
      e.data = data; // and read the answer's other fields (the 409's stored run)
      throw e;
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
    state.stopped = !r.done;
    if (r.done) {
      progressAsked++;
      D.banner(r.triage, state.byId, state.answers, state.miles);
      return result();
    }
    state.question = r.question;
    // At once when the level is emergency, by a sign (which also ends the interview) or by a rule
    // on the answers given so far (the interview may still ask the screens that bear on it), and
    // also when the screen on show comes back (Back, "Change my answers") with the answer that set
    // it still chosen: that answer stands until it is changed, and so does the banner.
    const standing = await standingTriage(r, b);
    D.banner(standing, state.byId, Object.assign({}, state.answers, shownAnswers(r.question)), state.miles);
    renderQuestion(r);
    emergencyActions(standing.level === 'emergency');
    mark('question');
    showProgress(progress, r.progress.screens, r.question.red_flags);
  }

  // The earlier answers of the findings on screen q, as its form shows them again.
  function shownAnswers(q) {
    const out = {};
    for (const id of q.findings) {
      if (Object.prototype.hasOwnProperty.call(state.remembered, id) && !Object.prototype.hasOwnProperty.call(state.answers, id)) {
        out[id] = state.remembered[id];
      }
    }
    return out;
  }

  // The triage of the answers as they stand on screen: those given and those the screen shows
  // again (r: the reply of /next for b). An emergency in either is the banner's.
  async function standingTriage(r, b) {
    const shown = shownAnswers(r.question);
    if (!Object.keys(shown).length || r.triage.level === 'emergency') return r.triage;
    try {
      const s = await api('POST', '/api/assess/next',
        { mode: b.mode, answers: Object.assign({}, b.answers, shown), screens: b.screens + 1 });
      return s.triage.level === 'emergency' ? s.triage : r.triage;
    } catch (e) {
      return r.triage;
    }
  }

  // While an emergency stands, the main action is to see what to do now, not the next question.
  function emergencyActions(on) {
    const stop = $('q-stop');
    stop.textContent = on ? 'See what to do now' : 'Stop and see the result';
    stop.className = on ? 'primary' : 'link';
    $('q-next').className = on ? '' : 'primary';
    const actions = stop.parentNode;
    if (on) actions.prepend(stop); else actions.append(stop);
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
    state.eachSign = false;
    if (q.checklist && !q.red_flags) {
      renderChecklist(fs);
      return show('screen-question');
    }
    if (q.checklist) {
      // The warning signs need a choice: nothing ticked is not "none of these" there, so a
      // hurried Next cannot pass them.
      $('q-help').textContent = 'Tick each that applies, or "None of these". Choose "Don\'t know" if you are unsure.';
      fields.append(D.ticks(fs, state.remembered, true));
      $('q-next').textContent = 'Next';
      return show('screen-question');
    }
    const f = fs[0];
    $('q-help').textContent = f.help || '';
    fields.append(D.single(f, state.remembered[f.id], state.miles, (miles) => { state.miles = miles; }));
    show('screen-question');
  }

  // A checklist other than the warning signs: each item yes, no or don't know, so that ticking one
  // says nothing of the others. An item starts at its earlier answer, else at "Don't know";
  // "No to the rest" answers no to every item still there. The same choices send what the
  // terminal's "1 3" (yes to those, no to the rest) and "?" (don't know to all) record.
  function renderChecklist(fs) {
    $('q-help').textContent = 'For each, choose Yes, No or Don\'t know.';
    $('q-fields').append(...D.triList(fs, state.remembered));
    $('q-next').textContent = 'Next';
  }

  // Reads the form into values for each finding on the screen; null when nothing is chosen.
  function readForm() {
    const q = state.question;
    const form = $('q-form');
    const out = {};
    if (q.checklist && (!q.red_flags || state.eachSign)) return D.readTri(form, q.findings);
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
      out[f.id] = D.numberAnswer(f, inputs[0].value, state.miles);
      const again = D.ageAgain(f, out[f.id], state.childAge);
      if (again) {
        state.childAge = out[f.id];
        throw new Error(again);
      }
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
    forgetInterview();
    state.mode = mode;
    state.answers = {};
    state.remembered = {};
    state.history = [];
    state.derived = {};
    D.banner(null);
    await next();
  }

  // Starts with answers the journal's analysis derived (why: the evidence for each); the
  // interview asks only what they leave open.
  async function startWith(answers, why) {
    forgetInterview();
    state.mode = 'runner';
    state.answers = Object.assign({}, answers);
    state.remembered = Object.assign({}, answers);
    state.history = [];
    state.derived = Object.assign({}, why);
    D.banner(null);
    await next();
  }

  // ---- the result ----

  const answerWords = (id, v) => D.answerWords(state.byId[id], v, state.miles);

  async function result() {
    // Before any answer there is nothing to assess: the priors alone are no one's result, so no
    // level, ranking or plan, and nothing to save; the terminal says the same.
    if (!Object.keys(state.answers).length) {
      D.banner(null);
      show('screen-nothing');
      mark('nothing');
      return;
    }
    const r = await api('POST', '/api/assess/result', body());
    D.result(r, { byId: state.byId, miles: state.miles, derived: state.derived, see: (w) => WHO[w] || w });
    $('r-unfinished').hidden = !state.stopped;
    $('r-save-status').textContent = '';
    show('screen-result');
    mark('result');
  }

  // ---- the interview kept for this tab ----
  // A reload, or the browser's Back, must not lose the answers, nor an emergency result its advice.
  // The interview is kept in sessionStorage: it belongs to this tab and ends with it, so nothing
  // about the runner's health outlives the tab (localStorage would keep it on the disk for good).
  // Each screen of the interview is a history entry {nf: screens answered, screen}, so the
  // browser's Back goes to the previous question.
  const SAVE_KEY = 'numbfoot-interview';
  const KEPT = ['mode', 'answers', 'remembered', 'history', 'derived', 'miles', 'stopped', 'screen'];

  function keepInterview() {
    const o = {};
    for (const k of KEPT) o[k] = state[k];
    try { sessionStorage.setItem(SAVE_KEY, JSON.stringify(o)); } catch (e) { /* kept in memory only */ }
  }

  function forgetInterview() {
    state.active = false;
    state.answers = {};
    state.remembered = {};
    state.history = [];
    state.derived = {};
    try { sessionStorage.removeItem(SAVE_KEY); } catch (e) { /* nothing kept */ }
  }

  function keptInterview() {
    try {
      const o = JSON.parse(sessionStorage.getItem(SAVE_KEY) || 'null');
      if (o && typeof o.answers === 'object' && Array.isArray(o.history)) return o;
    } catch (e) { /* none, or unreadable: start afresh */ }
    return null;
  }

  const isEntry = (e) => !!e && typeof e.nf === 'number';
  const entryPos = (e) => 2 * e.nf + (e.screen === 'question' ? 0 : 1);

  // Called when an interview screen is on show: keeps the interview, and gives the screen its own
  // history entry (a new one going forward, the same one when Back or a reload brought it).
  function mark(screen) {
    state.active = true;
    state.screen = screen;
    keepInterview();
    const e = { nf: state.history.length, screen };
    if (isEntry(history.state) && entryPos(history.state) >= entryPos(e)) history.replaceState(e, '');
    else history.pushState(e, '');
  }

  // Brings the interview to history entry e (the browser's Back, or a reload): the answers of the
  // screens after it are taken back, and its screen shown again. An entry past the interview's
  // present (Forward, after answers were taken back) shows the present.
  async function resume(e) {
    if (!state.active) {
      if (isEntry(history.state)) history.replaceState(null, '');
      D.banner(null);
      return show('screen-start');
    }
    const now = { nf: state.history.length, screen: state.screen };
    if (!isEntry(e) || entryPos(e) > entryPos(now)) e = now;
    while (state.history.length > e.nf) {
      for (const id of state.history.pop()) delete state.answers[id];
    }
    if (e.screen === 'question') return next();
    return result();
  }

  // The page's own Back and "Change my answers": the browser's Back, so the two stay one history.
  function goBack() {
    if (isEntry(history.state) && (history.state.nf > 0 || history.state.screen !== 'question')) history.back();
    else back();
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
      const v = D.dontKnow(state);
      if (v) answer(v);
    });
    $('q-back').addEventListener('click', () => goBack());
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
    $('r-back').addEventListener('click', () => goBack());
    $('n-back').addEventListener('click', () => goBack());
    // Starting over leaves the interview: it is forgotten, here and in the tab's storage.
    for (const again of ['r-again', 'n-again']) {
      $(again).addEventListener('click', () => {
        forgetInterview();
        D.banner(null);
        history.pushState(null, '');
        show('screen-start');
      });
    }
    window.addEventListener('popstate', (ev) => {
      if (isEntry(ev.state)) return resume(ev.state).catch((e) => notice(e.message));
      // The entry before the interview: leaving it.
      if (state.active) { forgetInterview(); D.banner(null); show('screen-start'); }
    });
    $('nav-assess').addEventListener('click', () => show(assessScreen));
    const screens = window.numbfootJournal({
      $, el, api, show, pct, leading: D.leading, state, notice, startWith, LEVEL_TITLE, KM_PER_MILE, decimal: D.decimal,
      status, token, apiBlob, dateWords, clockWords, answerWords,
    });
    for (const [nav, go] of [['nav-journal', screens.journal], ['nav-trends', screens.trends]]) {
      $(nav).hidden = false;
      $(nav).addEventListener('click', () => go().catch((e) => notice(e.message)));
    }
    // An interview this tab had under way (a reload, or Back to an entry of an earlier load).
    const kept = keptInterview();
    if (kept) {
      for (const k of KEPT) if (kept[k] !== undefined) state[k] = kept[k];
      state.active = true;
      // Answers the server no longer takes (another knowledge base since) cannot be taken up:
      // the interview is forgotten rather than refused again at every load.
      try { await resume(history.state); } catch (e) { forgetInterview(); D.banner(null); show('screen-start'); notice(e.message); }
    }
    document.body.dataset.ready = 'yes';
  }

  document.addEventListener('DOMContentLoaded', boot);
  // The next launch's address pasted into an open tab changes only the fragment, which reloads
  // nothing by itself.
  window.addEventListener('hashchange', () => { if (/(?:^#|&)token=/.test(location.hash)) location.reload(); });
})();
