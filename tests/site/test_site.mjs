// Browser tests of the static site (build/site/) in Debian's Chromium, driven by playwright-core.
// Usage: node test_site.mjs SITE_URL ORACLE_URL   (run.sh starts both servers; ORACLE_URL is the
// launch address of `numbfoot serve`, the native engine that says which screen comes next)
// Environment: NUMBFOOT (the native command), SCREENSHOTS (folder), SCRATCH (a scratch folder).
// Prints "ok NAME" or "FAIL NAME" per test and a closing "site: N passed, N failed".
import { createRequire } from 'node:module';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { unsureAboutOneSign } from '../web/helpers.mjs';

// Service workers' requests are reported only with this set (playwright-core 1.49).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
const require = createRequire(path.resolve('tests/web/package.json'));
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const site = process.argv[2];
const oracleLaunch = process.argv[3];
const oracle = oracleLaunch.replace(/\/#token=.*/, '');
const token = oracleLaunch.replace(/.*token=/, '');
const bin = process.env.NUMBFOOT || 'build/numbfoot';
const shots = process.env.SCREENSHOTS || 'build/screenshots';
const scratch = process.env.SCRATCH || fs.mkdtempSync(path.join(os.tmpdir(), 'numbfoot-site-'));
const SUITES = fs.readdirSync('.').filter((d) => /^cases/.test(d) && fs.statSync(d).isDirectory()).sort();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const laces = JSON.parse(fs.readFileSync('cases/shoe-race-day-laces-man.json', 'utf8'));

function assert(cond, msg) { if (!cond) throw new Error(msg); }
const errors = []; // the page's errors during a test: each is a failure

// Every request the browser makes for the site, from pages and the service worker alike.
const requests = [];
function watch(ctx) { ctx.on('request', (r) => requests.push(r.url())); }
const ownOrigins = new Set([new URL(site).origin]);

function native(args, env) {
  const r = spawnSync(bin, args, { encoding: 'utf8', env: Object.assign({}, process.env, env || {}), maxBuffer: 64 << 20 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

// Numbers within tol of each other; everything else equal. Returns the first difference, or null.
function differ(a, b, tol, at) {
  at = at || '';
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= tol ? null : `${at}: ${a} != ${b}`;
  if (typeof a !== typeof b || (a === null) !== (b === null) || Array.isArray(a) !== Array.isArray(b)) return `${at}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
  if (a && typeof a === 'object') {
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.join() !== kb.join()) return `${at}: keys ${ka} != ${kb}`;
    for (const k of ka) { const d = differ(a[k], b[k], tol, at + '.' + k); if (d) return d; }
    return null;
  }
  return a === b ? null : `${at}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
}

async function until(page, fn, arg, what) {
  for (let i = 0; i < 200; i++) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    await page.waitForTimeout(25);
  }
  throw new Error('timed out waiting for ' + what);
}

// Waits for a screen newer than the last one seen; says which it is.
let lastStep = 0;
async function waitScreen(page) {
  const s = await until(page, (last) => {
    const n = Number(document.body.dataset.step || 0);
    if (n <= last) return null;
    const shown = [...document.querySelectorAll('.screen')].find((x) => !x.hidden);
    return [n, shown ? shown.id.replace('screen-', '') : 'none'];
  }, lastStep, 'a new screen');
  lastStep = s[0];
  return s[1];
}

async function open(page, url) {
  await page.goto(url || site);
  await page.waitForSelector('body[data-ready=yes]');
  lastStep = Number(await page.evaluate(() => document.body.dataset.step || 0));
}

async function begin(page, mode) {
  await open(page);
  await page.check(`input[name=mode][value=${mode || 'runner'}]`);
  await page.click('#start-button');
}

// The findings of the question on screen, in order.
function screenFindings(page) {
  return page.$$eval('#q-fields input:not(#q-none)', (ins) => [...new Set(ins.map((i) => i.name))]);
}

// Answers the screen on show as a person whose answers are `answers` would; "Don't know" for a
// finding they do not know. Returns what the page was told, by finding.
async function answerScreen(page, answers) {
  const ids = await screenFindings(page);
  const checklist = await page.$$eval('#q-fields input[type=checkbox][value=yes]', (x) => x.length > 0);
  const told = {};
  if (checklist) {
    if (ids.every((id) => answers[id] === undefined || answers[id] === null)) {
      for (const id of ids) told[id] = null;
      const warning = await page.$('#q-none');
      await page.click('#q-unknown');
      // On the warning signs the first "Don't know" asks each sign; the second leaves all open.
      if (warning) {
        await page.waitForSelector('#q-fields fieldset.tri');
        await page.click('#q-unknown');
      }
      return told;
    }
    for (const id of ids) {
      told[id] = answers[id] === true;
      if (told[id]) await page.check(`#q-fields input[name="${id}"]`);
    }
    if (!Object.values(told).some(Boolean) && await page.$('#q-none')) await page.check('#q-none');
    await page.click('#q-next');
    return told;
  }
  const id = ids[0], v = answers[id];
  told[id] = v === undefined ? null : v;
  if (v === undefined || v === null) await page.click('#q-unknown');
  else {
    if (v === true || v === false) await page.check(`input[name="${id}"][value=${v ? 'yes' : 'no'}]`);
    else if (typeof v === 'number') await page.fill(`input[name="${id}"]`, String(v));
    else if (Array.isArray(v)) for (const x of v) await page.check(`input[name="${id}"][value="${x}"]`);
    else await page.check(`input[name="${id}"][value="${v}"]`);
    await page.click('#q-next');
  }
  return told;
}

// The native engine's next screen for these answers (POST /api/assess/next of numbfoot serve).
async function oracleNext(mode, answers, screens) {
  const r = await fetch(oracle + '/api/assess/next', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Numbfoot-Token': token },
    body: JSON.stringify({ mode, answers, screens }),
  });
  assert(r.ok, 'numbfoot serve answered ' + r.status);
  return r.json();
}

// Runs a whole interview through the page, checking each screen against the native engine.
// Returns {screens, result} (the result as the page's engine gives it for the same answers).
async function interview(page, mode, answers) {
  await begin(page, mode);
  const given = {};
  let screens = 0, what;
  while ((what = await waitScreen(page)) === 'question') {
    const want = await oracleNext(mode, given, screens);
    const shown = await screenFindings(page);
    assert(!want.done, `screen ${screens + 1}: the page asks ${shown} where the native engine has stopped`);
    assert(JSON.stringify(shown) === JSON.stringify(want.question.findings),
      `screen ${screens + 1}: the page asks ${shown}, the native engine ${want.question.findings}`);
    Object.assign(given, await answerScreen(page, answers));
    screens++;
    assert(screens <= 25, 'the interview does not end');
  }
  assert(what === 'result', 'the interview ended on ' + what);
  const end = await oracleNext(mode, given, screens);
  assert(end.done, `after ${screens} screens the page shows its result, the native engine asks ${end.question && end.question.findings}`);
  const result = await page.evaluate((rq) => window.numbfoot.result(rq), { mode, answers: given, screens });
  return { screens, given, result };
}

async function shot(page, name) {
  for (const [tag, size] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(shots, `site-${name}-${tag}.png`), fullPage: true });
  }
  await page.setViewportSize(PHONE);
}

async function axe(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', '));
  });
  assert(!found.length, what + ': ' + found.join('; '));
}

// A case's answers as a person gives them on the page: on a checklist screen a sign not ticked is
// "no", so where a case knows some of a checklist's findings, the others it leaves open are no;
// where it knows none, the person says "Don't know" to the whole screen.
function asOnPage(c, questions) {
  const a = Object.assign({}, c.answers);
  for (const k of questions.checklists) {
    const known = k.findings.filter((id) => a[id] !== undefined && a[id] !== null);
    if (known.length) for (const id of k.findings) if (a[id] === undefined || a[id] === null) a[id] = false;
  }
  return a;
}

const tests = [
  ['numbfoot.wasm keeps to its budget: at most 400 KB, 128 KB gzipped, with the knowledge base inside', async () => {
    const wasm = fs.readFileSync('build/site/numbfoot.wasm');
    const gz = zlib.gzipSync(wasm, { level: 9 }).length;
    console.log(`     numbfoot.wasm: ${wasm.length} bytes, ${gz} gzipped`);
    assert(wasm.length <= 400 * 1024, 'numbfoot.wasm is ' + wasm.length + ' bytes');
    assert(gz <= 128 * 1024, 'numbfoot.wasm is ' + gz + ' bytes gzipped');
    // The module imports nothing but the WASI calls engine.js answers.
    const mod = await WebAssembly.compile(wasm);
    const imports = WebAssembly.Module.imports(mod).map((i) => i.module + '.' + i.name).sort();
    const glue = fs.readFileSync('site/engine.js', 'utf8');
    for (const i of imports) assert(i.startsWith('wasi_snapshot_preview1.') && glue.includes(i.split('.')[1] + '('), 'an import engine.js lacks: ' + i);
  }],
  ['the page\'s Content-Security-Policy allows only its own files, and the module', async (ctx, page) => {
    await open(page);
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    for (const d of csp.split(';').map((x) => x.trim()).filter(Boolean)) {
      const [name, ...srcs] = d.split(/\s+/);
      for (const s of srcs) assert(["'self'", "'none'"].includes(s) || (name === 'script-src' && s === "'wasm-unsafe-eval'"), `${name} allows ${s}`);
    }
    assert(/default-src 'self'/.test(csp) && /script-src 'self' 'wasm-unsafe-eval'/.test(csp), 'policy: ' + csp);
    // Another origin is refused before any request is made (a port on this machine, never a host).
    const refused = await page.evaluate(async () => {
      let violated = '';
      document.addEventListener('securitypolicyviolation', (e) => { violated = e.violatedDirective; }, { once: true });
      try { await fetch('http://127.0.0.1:9/'); return 'fetched'; } catch (e) { await new Promise((r) => setTimeout(r, 50)); return violated || 'failed without a violation'; }
    });
    assert(/connect-src|default-src/.test(refused), 'a fetch to another origin: ' + refused);
    errors.length = 0; // the refusal the browser reports is what was asked for
  }],
  ['for every case of every suite, numbfoot.assess gives what numbfoot assess --answers --json does', async (ctx, page) => {
    await open(page);
    let n = 0;
    const bad = [];
    for (const suite of SUITES) {
      for (const f of fs.readdirSync(suite).filter((x) => x.endsWith('.json')).sort()) {
        const file = path.join(suite, f);
        const r = native(['assess', '--answers', file, '--json']);
        if (r.status !== 0) { bad.push(file + ': native exit ' + r.status + ' ' + r.err); continue; }
        const want = JSON.parse(r.out);
        const got = await page.evaluate((c) => window.numbfoot.assess(c), JSON.parse(fs.readFileSync(file, 'utf8')));
        n++;
        if (got.ranking[0].id !== want.ranking[0].id) bad.push(`${file}: leading cause ${got.ranking[0].id}, native ${want.ranking[0].id}`);
        else if (got.triage.level !== want.triage.level) bad.push(`${file}: triage ${got.triage.level}, native ${want.triage.level}`);
        else {
          const d = differ(got, want, 1e-9);
          if (d) bad.push(file + ': result' + d);
        }
      }
    }
    assert(n >= 300, 'only ' + n + ' cases');
    assert(!bad.length, bad.length + ' of ' + n + ' differ: ' + bad.slice(0, 3).join('; '));
    console.log(`     ${n} cases in ${SUITES.join(', ')}: every result equal (numbers within 1e-9)`);
    // The other forms it takes: {mode, answers} and a plain map of answers.
    const want = JSON.parse(native(['assess', '--answers', 'cases/shoe-race-day-laces-man.json', '--json']).out);
    for (const form of [{ mode: 'runner', answers: laces.answers }, laces.answers, JSON.stringify(laces)]) {
      const d = differ(await page.evaluate((x) => window.numbfoot.assess(x), form), want, 1e-9);
      assert(!d, 'assess(' + JSON.stringify(form).slice(0, 40) + '): ' + d);
    }
    const err = await page.evaluate(() => { try { window.numbfoot.assess({ age: 'old' }); return 'accepted'; } catch (e) { return e.message; } });
    assert(/answers\.age/.test(err), 'a bad answer: ' + err);
  }],
  ['interviews through the page ask the native engine\'s screens and end as eval --interview does', async (ctx, page) => {
    await open(page);
    const questions = await page.evaluate(() => window.numbfoot.questions);
    // A sample across the suites: every tenth case, the answers as a person gives them on a page.
    const dir = path.join(scratch, 'interview-cases');
    fs.mkdirSync(dir, { recursive: true });
    const sample = [];
    for (const suite of SUITES) {
      fs.readdirSync(suite).filter((x) => x.endsWith('.json')).sort().forEach((f, i) => {
        if (i % 10) return;
        const c = JSON.parse(fs.readFileSync(path.join(suite, f), 'utf8'));
        c.answers = asOnPage(c, questions);
        fs.writeFileSync(path.join(dir, suite + '-' + f), JSON.stringify(c));
        sample.push([suite + '-' + f, c]);
      });
    }
    const ev = native(['eval', '--interview', '--json', dir]);
    assert(ev.status === 0, 'eval --interview: ' + ev.err);
    const perCase = Object.fromEntries(JSON.parse(ev.out).per_case.map((p) => [p.id, p]));
    for (const [file, c] of sample) {
      const want = perCase[c.id];
      assert(want, 'eval has no ' + c.id);
      let got;
      try { got = await interview(page, c.mode, c.answers); } catch (e) { throw new Error(file + ': ' + e.message); }
      assert(got.screens === want.questions, `${file}: ${got.screens} screens, eval --interview ${want.questions}`);
      const top = got.result.ranking[0];
      assert(top.id === want.ranked[0][0] && Math.abs(top.probability - want.ranked[0][1]) < 1e-6,
        `${file}: leads with ${top.id} ${top.probability}, eval --interview ${want.ranked[0]}`);
      assert(got.result.triage.level === want.triage, `${file}: triage ${got.result.triage.level}, eval --interview ${want.triage}`);
      // The page's result screen says the same; an interview stopped at a warning sign ranks
      // no causes (triage.ranked false) and lists none.
      if (got.result.triage.ranked === false)
        assert(await page.$$eval('#r-causes li', (x) => x.length) === 0, file + ': causes listed under the warning sign alone');
      else
        assert(await page.$eval('#r-causes li .cause-head span', (e) => e.textContent) === top.name, file + ': the result screen leads with another cause');
      assert(await page.$eval('#r-triage', (e) => e.className) === 'triage ' + want.triage, file + ': the result screen shows another triage');
    }
    console.log(`     ${sample.length} interviews, ${Object.keys(perCase).length} in eval: same screens, leading cause and triage`);
  }],
  ['the warning signs come first and do not pass with nothing chosen: "None of these" is its own choice', async (ctx, page) => {
    await begin(page);
    assert(await waitScreen(page) === 'question', 'no first question');
    assert(await page.$eval('#progress-text', (e) => /warning signs/.test(e.textContent)), 'the first screen is not the warning signs');
    const title = await page.textContent('#q-title');
    await page.click('#q-next');
    await page.waitForSelector('#q-error:has-text("None of these")');
    assert(await page.textContent('#q-title') === title, 'Next with nothing ticked moved on');
    await page.check('#q-fields input[name="stroke_signs"]');
    await page.check('#q-none');
    assert(!(await page.isChecked('#q-fields input[name="stroke_signs"]')), '"None of these" left a sign ticked');
    await page.check('#q-fields input[name="severe_pain_after_run"]');
    assert(!(await page.isChecked('#q-none')), 'a ticked sign left "None of these" ticked');
    await page.uncheck('#q-fields input[name="severe_pain_after_run"]');
    await page.check('#q-none');
    await page.click('#q-next');
    assert(await waitScreen(page) === 'question', 'no screen after "None of these"');
    assert(await page.textContent('#q-title') !== title, 'still on the same warning signs');
    // Back keeps the answers given: the signs come back with "None of these" chosen.
    await page.click('#q-back');
    assert(await waitScreen(page) === 'question', 'Back showed no question');
    assert(await page.textContent('#q-title') === title && await page.isChecked('#q-none'), 'Back lost the answer');
    // A look at the saved results leaves the interview where it was.
    await page.click('#nav-saved');
    assert(await waitScreen(page) === 'saved', 'no saved results');
    await page.click('#nav-assess');
    assert(await waitScreen(page) === 'question' && await page.textContent('#q-title') === title, 'the interview was lost');
  }],
  ['an age under 12 is said back, and taken when Next is chosen again on it', async (ctx, page) => {
    await begin(page);
    let n = 0;
    while (await waitScreen(page) === 'question' && !(await page.$('#q-fields input[name=age]'))) {
      await answerScreen(page, { saddle_numbness: false });
      assert(++n < 40, 'age was never asked');
    }
    const step = lastStep;
    await page.fill('input[name=age]', '9');
    await page.click('#q-next');
    await page.waitForSelector('#q-error:has-text("An age of 9 years?")');
    assert(Number(await page.evaluate(() => document.body.dataset.step)) === step, 'an age of 9 was taken at once');
    await page.click('#q-next');
    await waitScreen(page);
    assert(!(await page.$('#q-fields input[name=age]')), 'an age of 9 typed twice was not taken');
  }],
  ['"Don\'t know" on the warning signs asks each sign, so doubt about one leaves only that one open', async (ctx, page) => {
    await begin(page);
    await unsureAboutOneSign(page, waitScreen);
  }],
  ['an emergency warning sign stops the interview at once with the emergency banner', async (ctx, page) => {
    await begin(page);
    await waitScreen(page);
    await page.check('#q-fields input[name="saddle_numbness"]');
    await page.click('#q-next');
    assert(await waitScreen(page) === 'result', 'the interview went on after an emergency warning sign');
    assert(await page.$eval('#banner', (e) => !e.hidden && /emergency/i.test(e.textContent)), 'no emergency banner');
    assert(await page.$eval('#r-triage', (e) => e.classList.contains('emergency')), 'the result is not an emergency');
    await shot(page, 'result-emergency');
  }],
  ['a warning sign ticked shows the emergency banner in the result\'s words before the result screen', async (ctx, page) => {
    await begin(page);
    assert(await waitScreen(page) === 'question', 'no first question');
    // What is on show when the page asks for the result: the banner must already be up, from the
    // step's own triage (numbfoot.next), on the question screen.
    await page.evaluate(() => {
      const api = window.numbfoot, result = api.result;
      api.result = (rq) => {
        const b = document.getElementById('banner');
        window.atResult = { hidden: b.hidden, text: b.textContent, screen: [...document.querySelectorAll('.screen')].find((x) => !x.hidden).id };
        return result(rq);
      };
    });
    await page.check('#q-fields input[name="saddle_numbness"]');
    await page.click('#q-next');
    assert(await waitScreen(page) === 'result', 'the interview went on after an emergency warning sign');
    const at = await page.evaluate(() => window.atResult);
    assert(at && at.screen === 'screen-question', 'the result was asked for on ' + (at && at.screen));
    assert(!at.hidden && /^Emergency: call emergency services.*Do not drive yourself\./.test(at.text), 'before the result the banner was ' + JSON.stringify(at));
    // The step's triage is the served page's, field for field.
    const rq = { mode: 'runner', answers: { saddle_numbness: true }, screens: 1 };
    const got = await page.evaluate((x) => window.numbfoot.next(x), rq);
    const d = differ(got.triage, (await oracleNext(rq.mode, rq.answers, rq.screens)).triage, 0);
    assert(!d, 'triage differs from numbfoot serve\'s' + d);
    assert(got.triage.red_flag.finding === 'saddle_numbness' && got.triage.stop, 'triage ' + JSON.stringify(got.triage));
  }],
  ['a rule emergency mid-interview shows the banner at once, and Back to an answer that lifts it hides it', async (ctx, page) => {
    // A calf cramp whose numbness has not gone: a rule sets emergency with no warning sign, and the
    // interview goes on under the banner.
    const rule = { saddle_numbness: false, age: 45, sex: 'male', calf_cramp: true, resolves_on_stopping: false, at_rest: true, location: ['whole_sole'], side: 'one' };
    const want = await oracleNext('runner', rule, 3);
    assert(want.triage.level === 'emergency' && want.triage.red_flag === null && !want.done, 'not a rule emergency: ' + JSON.stringify(want.triage));
    const got = await page.evaluate((x) => window.numbfoot.next(x), { mode: 'runner', answers: rule, screens: 3 });
    const d = differ(got.triage, want.triage, 0);
    assert(!d, 'triage differs from numbfoot serve\'s' + d);
    await begin(page);
    let screens = 0, banner = null;
    while (await waitScreen(page) === 'question') {
      banner = await page.$eval('#banner', (e) => (e.hidden ? null : e.textContent));
      if (banner) break;
      await answerScreen(page, rule);
      assert(++screens <= 25, 'the interview does not end');
    }
    assert(banner, 'no banner on any question screen, ' + screens + ' answered');
    assert(/^Emergency: call emergency services.*Do not drive yourself\./.test(banner), 'banner says ' + banner);
    assert(await page.$eval('#banner', (e) => e.classList.contains('emergency')), 'banner is not the emergency one');
    await shot(page, 'question-emergency');
    // Back takes away the answer that completed the rule: the level is lifted, the banner goes.
    await page.click('#q-back');
    assert(await waitScreen(page) === 'question', 'Back showed no question');
    assert(await page.$eval('#banner', (e) => e.hidden), 'the banner stayed after Back lifted the emergency');
    // The same answer again brings it back; the interview goes on under it.
    await answerScreen(page, rule);
    assert(await waitScreen(page) === 'question', 'the interview stopped on a rule');
    assert(await page.$eval('#banner', (e) => !e.hidden && /Do not drive yourself\./.test(e.textContent)), 'no banner for the same answer again');
    // A new interview starts without it.
    await page.click('#q-stop');
    assert(await waitScreen(page) === 'result', 'no result');
    await page.click('#r-again');
    assert(await waitScreen(page) === 'start', 'Start again showed no start screen');
    assert(await page.$eval('#banner', (e) => e.hidden), 'the banner stayed for a new interview');
  }],
  ['results are saved on the device, listed, opened, exported for numbfoot import, and deleted', async (ctx, page) => {
    await page.setViewportSize(PHONE);
    const got = await interview(page, 'runner', laces.answers);
    await page.click('#r-save');
    await page.waitForSelector('#r-status:has-text("Saved on this device")');
    // Kept across a reload: IndexedDB, not the page's memory.
    await open(page);
    await page.click('#nav-saved');
    assert(await waitScreen(page) === 'saved', 'no saved results screen');
    const items = await page.$$('#s-list li');
    assert(items.length === 1, items.length + ' saved results listed');
    const text = await page.textContent('#s-list li');
    assert(text.includes(got.result.ranking[0].name) && /Self-care/.test(text), 'the list says ' + text);
    await axe(page, 'saved results');
    await shot(page, 'saved');
    await page.click('#s-list li button:has-text("Open")');
    assert(await waitScreen(page) === 'result', 'Open showed no result');
    assert(await page.$eval('#r-when', (e) => !e.hidden && /Saved on this device/.test(e.textContent)), 'the saved result does not say when');
    assert(await page.$eval('#r-save', (e) => e.hidden), 'a saved result offers to save it again');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#r-export')]);
    const file = path.join(scratch, 'export-' + download.suggestedFilename());
    await download.saveAs(file);
    assert(/^numbfoot-assessment-\d{4}-\d\d-\d\dT\d{6}\.json$/.test(download.suggestedFilename()), 'file name ' + download.suggestedFilename());
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert(saved.kind === 'numbfoot.assessment' && saved.format === 1 && saved.complete === true && saved.questions === got.screens, 'export: ' + JSON.stringify(saved).slice(0, 200));
    assert(!differ(saved.answers, got.result.answers, 0), 'the export\'s answers differ from the interview\'s');
    // The desktop journal reads it as a saved assessment, with the same result.
    const env = { XDG_DATA_HOME: path.join(scratch, 'desk-data'), XDG_CONFIG_HOME: path.join(scratch, 'desk-config') };
    const imp = native(['import', file], env);
    assert(imp.status === 0 && /1 saved assessment/.test(imp.out), 'numbfoot import: ' + imp.status + ' ' + imp.out + imp.err);
    const list = JSON.parse(native(['assessment', 'list', '--json'], env).out);
    assert(list.length === 1 && list[0].time === saved.time && list[0].complete === true, 'journal: ' + JSON.stringify(list).slice(0, 200));
    const kept = list[0].result;
    const d = differ(kept, got.result, 1e-9);
    assert(!d, 'the journal\'s result differs from the page\'s: ' + d);
    const again = native(['import', file], env);
    assert(again.status === 0 && /already in the journal/.test(again.out + again.err), 'a second import: ' + again.out + again.err);
    // Deleted from the device.
    await page.click('#nav-saved');
    await waitScreen(page);
    page.once('dialog', (dlg) => dlg.accept());
    await page.click('#s-list li button:has-text("Delete")');
    assert(await waitScreen(page) === 'saved', 'no list after deleting');
    assert(await page.$$eval('#s-list li', (x) => x.length) === 0 && await page.isVisible('#s-empty'), 'the result is still listed');
    await open(page);
    assert(await page.evaluate(async () => (await window.numbfootStore.list()).length) === 0, 'the result is still stored');
  }],
  ['at 390 px: installable (manifest, icons, service worker), WCAG 2.1 AA clean, screenshots', async (ctx, page) => {
    await page.setViewportSize(PHONE);
    await open(page);
    const sw = await until(page, async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg && reg.active && navigator.serviceWorker.controller ? reg.active.scriptURL : null;
    }, null, 'the service worker');
    assert(sw === site + 'sw.js', 'service worker ' + sw);
    const cdp = await ctx.newCDPSession(page);
    const m = await cdp.send('Page.getAppManifest');
    assert(m.url === site + 'manifest.webmanifest' && !m.errors.length, 'manifest: ' + m.url + ' ' + JSON.stringify(m.errors));
    const manifest = JSON.parse(m.data);
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
      assert(icon, 'no ' + size + ' icon');
      const r = await page.evaluate((u) => fetch(u).then((x) => x.status), icon.src);
      assert(r === 200, icon.src + ' answered ' + r);
    }
    const inst = await cdp.send('Page.getInstallabilityErrors');
    assert(!inst.installabilityErrors.length, 'not installable: ' + JSON.stringify(inst.installabilityErrors));
    await axe(page, 'start');
    await shot(page, 'start');
    await page.click('#start-button');
    await waitScreen(page);
    await axe(page, 'warning signs');
    await shot(page, 'question-warning-signs');
    await page.check('#q-none');
    await page.click('#q-next');
    await waitScreen(page);
    await page.check('#q-none');
    await page.click('#q-next');
    await waitScreen(page);
    await axe(page, 'a question');
    await shot(page, 'question');
    await page.click('#q-stop');
    assert(await waitScreen(page) === 'result', 'no result');
    await axe(page, 'result');
    await shot(page, 'result-unfinished');
  }],
  ['a reload keeps the interview at its question and its answers, and a result at its result; a new visit starts afresh', async (ctx, page) => {
    await begin(page, 'runner');
    await waitScreen(page);
    await answerScreen(page, laces.answers); // the warning signs
    await waitScreen(page);
    await answerScreen(page, laces.answers);
    assert(await waitScreen(page) === 'question', 'no third question');
    const asked = await screenFindings(page);
    const given = await page.evaluate(() => JSON.parse(sessionStorage.getItem('numbfoot-site-interview')).answers);
    await page.reload();
    await page.waitForSelector('body[data-ready=yes]');
    lastStep = 0;
    assert(await waitScreen(page) === 'question', 'a reload did not come back to the question');
    assert(JSON.stringify(await screenFindings(page)) === JSON.stringify(asked), 'a reload asks another question');
    const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('numbfoot-site-interview')).answers);
    assert(!differ(kept, given, 0), 'a reload lost answers');
    // Back still goes to the question before.
    await page.click('#q-back');
    assert(await waitScreen(page) === 'question', 'Back after a reload');
    await page.click('#q-stop');
    assert(await waitScreen(page) === 'result', 'no result');
    const lead = await page.$eval('#r-causes li .cause-head span', (e) => e.textContent);
    await page.reload();
    await page.waitForSelector('body[data-ready=yes]');
    lastStep = 0;
    assert(await waitScreen(page) === 'result', 'a reload did not keep the result');
    assert(await page.$eval('#r-causes li .cause-head span', (e) => e.textContent) === lead, 'a reload changed the result');
    assert(await page.$eval('#r-unfinished', (e) => !e.hidden), 'a reload forgot the result was stopped early');
    // Opening the site anew (not a reload) starts afresh.
    await open(page);
    assert(await page.$eval('#screen-start', (e) => !e.hidden), 'a new visit resumed the old interview');
  }],
  ['offline: load once, lose the connection and the server, reload, complete an interview', async () => {
    // A server of its own, stopped for good halfway.
    const dir = fs.mkdtempSync(path.join(scratch, 'offline-'));
    const srv = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '0'], { cwd: 'build/site', stdio: ['ignore', 'pipe', 'ignore'] });
    const url = await new Promise((resolve, reject) => {
      let out = '';
      srv.stdout.on('data', (d) => { out += d; const m = /port (\d+)/.exec(out); if (m) resolve(`http://127.0.0.1:${m[1]}/`); });
      setTimeout(() => reject(new Error('the server did not start')), 5000);
    });
    ownOrigins.add(new URL(url).origin);
    const ctx = await launch(dir);
    try {
      const page = ctx.pages()[0] || await ctx.newPage();
      await open(page, url);
      await until(page, () => !!navigator.serviceWorker.controller, null, 'the service worker to take the page');
      srv.kill();
      await new Promise((r) => srv.on('exit', r));
      await ctx.setOffline(true);
      const gone = await page.evaluate(() => fetch('not-a-file-' + Date.now()).then(() => 'fetched', () => 'offline'));
      assert(gone === 'offline', 'the network is still there');
      await open(page, url);
      lastStep = 0;
      await page.click('#start-button');
      let n = 0, what;
      while ((what = await waitScreen(page)) === 'question') {
        await answerScreen(page, laces.answers);
        assert(++n <= 25, 'the interview does not end');
      }
      assert(what === 'result', 'offline, the interview ended on ' + what);
      assert(/Shoe or lacing/.test(await page.$eval('#r-causes li .cause-head span', (e) => e.textContent)), 'offline, another leading cause');
      await shot(page, 'result-offline');
    } finally {
      await ctx.close();
      srv.kill();
    }
  }],
  ['every request the browser made stayed on the site', async () => {
    assert(requests.length > 20, 'only ' + requests.length + ' requests seen');
    const out = requests.filter((u) => { const o = new URL(u.replace(/^blob:/, '')).origin; return !ownOrigins.has(o); });
    assert(!out.length, 'requests outside the site: ' + [...new Set(out)].slice(0, 5).join(', '));
    assert(requests.some((u) => u.endsWith('/numbfoot.wasm')), 'the module\'s request was not seen');
  }],
];

async function launch(dir) {
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: DESKTOP,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps'],
  });
  watch(ctx);
  return ctx;
}

async function main() {
  const ctx = await launch(fs.mkdtempSync(path.join(scratch, 'chromium-')));
  const page = ctx.pages()[0] || await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let passed = 0, failed = 0;
  // ONLY=words runs the tests whose names contain them (while working on one).
  for (const [name, fn] of tests.filter(([n]) => !process.env.ONLY || n.includes(process.env.ONLY))) {
    errors.length = 0;
    try {
      await fn(ctx, page);
      if (errors.length) throw new Error('page errors: ' + errors.join('; '));
      console.log('ok   ' + name);
      passed++;
    } catch (e) {
      console.log('FAIL ' + name + '\n     ' + (e.stack || e).toString().split('\n').slice(0, 3).join('\n     '));
      failed++;
    }
    await page.setViewportSize(DESKTOP);
  }
  await ctx.close();
  console.log(`site: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.log('FAIL harness: ' + e.stack); console.log('site: 0 passed, 1 failed'); process.exit(1); });
