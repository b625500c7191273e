// Browser tests of numbfoot serve in Debian's Chromium, driven by playwright-core.
// Usage: node test_app.mjs URL   (URL: the launch address the server printed, with its token)
// Prints "ok NAME" or "FAIL NAME" per test and a closing "web: N passed, N failed".
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { unsureAboutOneSign } from './helpers.mjs';

const launchUrl = process.argv[2];
const base = launchUrl.replace(/\/#token=.*/, '');
const token = launchUrl.replace(/.*token=/, '');
const port = new URL(base).port;
const shots = process.env.SCREENSHOTS || 'build/screenshots';
fs.mkdirSync(shots, { recursive: true });
const laces = JSON.parse(fs.readFileSync('cases/shoe-race-day-laces-man.json', 'utf8')).answers;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
let passed = 0, failed = 0;
const extra = [];
export function addTest(name, fn) { extra.push([name, fn]); }

function assert(cond, msg) { if (!cond) throw new Error(msg); }

// A raw request with exactly the headers given (node's fetch would add its own).
function raw(method, p, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers, setHost: false }, (res) => {
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function shot(page, name) {
  for (const [tag, size] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(shots, `${name}-${tag}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

// Answers the screen on show from a case's answers; "don't know" where the case is silent.
async function answerScreen(page, answers) {
  const ids = await page.$$eval('#q-fields input', (ins) => [...new Set(ins.map((i) => i.name))]);
  // A checklist of yes, no and don't know for each item: the case's answer, else don't know.
  if (await page.$('#q-fields fieldset.tri')) {
    for (const id of ids) {
      const v = answers[id] === true ? 'yes' : answers[id] === false ? 'no' : 'unknown';
      await page.check(`#q-fields input[name="${id}"][value=${v}]`);
    }
    await page.click('#q-next');
    return;
  }
  const isChecklist = await page.$$eval('#q-fields input[type=checkbox][value=yes]', (x) => x.length > 0);
  if (isChecklist) {
    let ticked = 0;
    for (const id of ids) {
      if (answers[id] === true) {
        await page.check(`#q-fields input[name="${id}"]`);
        ticked++;
      }
    }
    // The warning signs need an explicit "None of these" when none applies.
    if (!ticked && await page.$('#q-none')) await page.check('#q-none');
    await page.click('#q-next');
    return;
  }
  const id = ids[0];
  const v = answers[id];
  if (v === undefined || v === null) return page.click('#q-unknown');
  if (v === true) await page.check(`input[name="${id}"][value=yes]`);
  else if (v === false) await page.check(`input[name="${id}"][value=no]`);
  else if (typeof v === 'number') await page.fill(`input[name="${id}"]`, String(v));
  else if (Array.isArray(v)) for (const x of v) await page.check(`input[name="${id}"][value="${x}"]`);
  else await page.check(`input[name="${id}"][value="${v}"]`);
  await page.click('#q-next');
}

// Polls fn in the page until it returns a true value (waitForFunction would need eval, which
// the page's Content-Security-Policy forbids).
async function until(page, fn, arg, what) {
  for (let i = 0; i < 200; i++) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    await page.waitForTimeout(50);
  }
  throw new Error('timed out waiting for ' + (what || fn.toString()));
}

// Waits for a screen newer than the last one seen, and says which it is.
let lastStep = 0;
async function waitScreen(page) {
  const s = await until(page, (last) => {
    const n = Number(document.body.dataset.step || 0);
    if (n <= last) return null;
    return [n, document.getElementById('screen-result').hidden ?
      (document.getElementById('screen-question').hidden ? 'other' : 'question') : 'result'];
  }, lastStep, 'a new screen');
  lastStep = s[0];
  return s[1];
}

async function freshStart(page) {
  await page.goto(base + '/');
  await page.waitForSelector('body[data-ready=yes]');
  lastStep = 0;
  await page.click('#start-button');
}

const tests = [
  ['the launch address leaves its token in this origin\'s storage, none in a cookie, and a clean address bar', async (ctx, page) => {
    const resp = await page.goto(launchUrl);
    assert(resp.status() === 200, 'status ' + resp.status());
    await page.waitForSelector('body[data-ready=yes]');
    assert(page.url() === base + '/', 'the address bar still shows ' + page.url());
    const kept = await page.evaluate(() => localStorage.getItem('numbfoot-token'));
    assert(kept === token, 'localStorage holds ' + kept);
    const cookies = await ctx.cookies(base);
    assert(cookies.length === 0, 'cookies set: ' + cookies.map((c) => c.name).join(', '));
    const h = resp.headers();
    assert(!h['set-cookie'], 'the page set a cookie');
    assert(/default-src 'self'/.test(h['content-security-policy'] || ''), 'no CSP header');
    assert(h['x-frame-options'] === 'DENY' && h['x-content-type-options'] === 'nosniff', 'security headers missing');
    await shot(page, 'start');
    lastStep = 0;
  }],
  ['a full assessment reaches the result with the right leading cause', async (ctx, page) => {
    await freshStart(page);
    let n = 0, what;
    while ((what = await waitScreen(page)) === 'question') {
      if (n === 0) {
        assert(await page.$eval('#progress-text', (e) => /warning signs/.test(e.textContent)), 'first screen is not the warning signs');
        await shot(page, 'question-redflags');
      }
      if (n === 1) await shot(page, 'question-single');
      const type = await page.$$eval('#q-fields input', (x) => x[0] && x[0].type);
      if (type === 'text') await shot(page, 'question-number');
      await answerScreen(page, laces);
      assert(++n < 40, 'the interview does not end');
    }
    const top = await page.$eval('#r-causes li .cause-head span', (e) => e.textContent);
    assert(/Shoe or lacing/.test(top), 'leading cause is ' + top);
    const tri = await page.$eval('#r-triage', (e) => e.className);
    assert(/self_care/.test(tri), 'triage ' + tri);
    assert(await page.$eval('#r-disclaimer', (e) => /diagnos/.test(e.textContent)), 'no disclaimer');
    assert(await page.$eval('#banner', (e) => e.hidden), 'emergency banner shown for a self-care result');
    assert(await page.$$eval('#r-causes > li', (x) => x.length > 0 && x.every((e) => /\d%|<1%/.test(e.querySelector('.cause-head').textContent) &&
      e.querySelector('.bar'))), 'a self-care result lost its percentages or bars');
    // Reasons resting on an estimate are tagged, and the tag is explained once.
    const tagged = await page.$$eval('#r-causes .reasons li.estimate', (x) => x.map((e) => e.textContent));
    assert(tagged.length > 0 && tagged.every((t) => /, estimate\)/.test(t)), 'estimated reasons not tagged: ' + tagged.slice(0, 2));
    const plain = await page.$$eval('#r-causes .reasons li:not(.estimate):not(.derived)', (x) => x.map((e) => e.textContent));
    assert(plain.every((t) => !/estimate|derived/.test(t)), 'a measured reason is tagged: ' + plain);
    assert(await page.$eval('#r-evidence', (e) => !e.hidden && /judgement/.test(e.textContent)), 'no legend for the estimate tag');
    // The factor is written as the terminal and the report write it: ×, the times the odds moved
    // (never below 1, whichever way), one decimal below 10 and whole from 10.
    const factors = [...tagged, ...plain].map((t) => (t.match(/\((×[^,)]*)/) || [])[1]);
    assert(factors.length > 0 && factors.every((f) => /^×([1-9]\.\d|[1-9]\d+)$/.test(f || '')), 'factors written as ' + factors);
    await shot(page, 'result');
    // Back from the result returns to the last question with its answer kept.
    await page.click('#r-back');
    assert(await waitScreen(page) === 'question', 'back from the result did not show a question');
  }],
  ['a red-flag answer turns the banner to emergency at once and stops the interview', async (ctx, page) => {
    await freshStart(page);
    assert(await waitScreen(page) === 'question', 'no first question');
    await page.check('#q-fields input[name="saddle_numbness"]');
    await page.click('#q-next');
    await until(page, () => { const b = document.getElementById('banner'); return !b.hidden && b.classList.contains('emergency'); }, null, 'the emergency banner');
    const text = await page.$eval('#banner', (e) => e.textContent);
    assert(/emergency/i.test(text), 'banner says ' + text);
    assert(await waitScreen(page) === 'result', 'the interview went on after an emergency red flag');
    assert(await page.$eval('#r-triage', (e) => e.className.includes('emergency')), 'result is not emergency');
    const bg = await page.$eval('#banner', (e) => getComputedStyle(e).backgroundColor);
    assert(bg === 'rgb(164, 0, 0)', 'banner is not red: ' + bg);
    // What the sign can mean is said; the sign is an emergency, so no cause is listed (their
    // order would be their commonness, a laces cause first), in the engine's words
    // (triage.unranked_words); the self-care result above has the ranking with percentages and bars.
    const causesHelp = await page.textContent('#r-causes-help');
    assert(/Not ranked: the warning sign is an emergency, and the causes it can mean, named above, come first/.test(causesHelp),
      'ranking under the sign: ' + causesHelp);
    assert(await page.$$eval('#r-causes > li', (x) => x.length) === 0, 'causes listed under the sign alone');
    const to = await page.textContent('#r-points-to');
    assert(/can mean: Cauda equina syndrome/.test(to) && !/causes below/.test(to), 'points to: ' + to);
    // The warning signs of the screen it never reached are named, as the terminal names them.
    const open = await page.textContent('#r-open-signs');
    assert(/Not asked, or not sure/.test(open) && /cola-coloured urine/.test(open) && !/between the legs/.test(open),
      'open signs: ' + open);
    // Those that would only send the runner to a doctor within 48 hours change nothing under an
    // emergency, and are not listed.
    assert(await page.$('#r-open-signs-urgent') === null, 'urgent signs listed under an emergency');
    await shot(page, 'result-emergency');
  }],
  ['in clinician mode the signs not asked are the runner\'s, not an order to the reader', async (ctx, page) => {
    await page.goto(base + '/');
    await page.waitForSelector('body[data-ready=yes]');
    lastStep = 0;
    // The choice says whom the history questions' "you" means.
    const label = await page.textContent('label:has(input[name="mode"][value="clinician"])');
    assert(/"you" for the runner/.test(label), 'clinician choice: ' + label);
    await page.check('input[name="mode"][value="clinician"]');
    await page.click('#start-button');
    assert(await waitScreen(page) === 'question', 'no first question');
    await page.check('#q-fields input[name="saddle_numbness"]');
    await page.click('#q-next');
    assert(await waitScreen(page) === 'result', 'no result after an emergency red flag');
    assert(/What to advise the runner/.test(await page.textContent('#r-plan-title')), 'not the clinician\'s plan title');
    const open = await page.textContent('#r-open-signs');
    assert(/if any of these apply, the runner needs emergency care now/.test(open), 'open signs: ' + open);
  }],
  ['a level set by an escalation rule gives the rule\'s answers as its reason', async (ctx, page) => {
    // Numbness not back hours after a run, in a leg that tightens on runs: an emergency whatever the
    // cause, whose likeliest carrier (a chronic compartment syndrome) needs it only by that rule.
    const answers = { age: 24, sex: 'male', side: 'one', location: ['dorsum', 'lower_leg'], not_settled_hours: true,
      leg_tightness: true };
    await freshStart(page);
    let n = 0;
    while (await waitScreen(page) === 'question') {
      await answerScreen(page, answers);
      assert(++n < 40, 'the interview does not end');
    }
    assert(await page.$eval('#r-triage', (e) => e.className.includes('emergency')), 'result is not emergency');
    const why = await page.textContent('#r-rule');
    assert(/^Why: your answers \(/.test(why) && /has not come back to normal hours later: yes/.test(why) &&
      /shin or calf builds during the run: yes/.test(why) && /call for this level whatever the cause\.$/.test(why), 'rule reason: ' + why);
    // The acute compartment syndrome the rule is for is not among the first three of a ranking on
    // these few answers: no list, the first step names it.
    const causesHelp = await page.textContent('#r-causes-help');
    assert(/^Not ranked: these answers together are an emergency whatever the cause/.test(causesHelp), 'ranking under the rule: ' + causesHelp);
    assert(await page.$$eval('#r-causes .bar', (x) => x.length) === 0, 'bars under the rule');
    assert(await page.$$eval('#r-causes .reasons li', (x) => x.length) === 0, 'a list under the rule');
    // The same leg that settles within minutes, at the same point of every run: a chronic
    // compartment syndrome, ranked with reasons worked out from studies' figures (the leg
    // tightness under it), each tagged "derived" (the laces result above has none to check).
    const chronic = { age: 24, sex: 'male', side: 'one', location: ['dorsum', 'lower_leg'], leg_tightness: true,
      onset_consistent: true, resolves_on_stopping: true, not_settled_hours: false };
    await freshStart(page);
    n = 0;
    while (await waitScreen(page) === 'question') {
      await answerScreen(page, chronic);
      assert(++n < 40, 'the interview does not end');
    }
    const derived = await page.$$eval('#r-causes .reasons li.derived', (x) => x.map((e) => e.textContent));
    assert(derived.length > 0 && derived.every((t) => /, derived\)/.test(t)), 'derived reasons not tagged: ' + derived.slice(0, 2));
  }],
  ['an age past the knowledge base\'s range is refused on the page with the range, one under 12 said back, and the next is taken', async (ctx, page) => {
    await freshStart(page);
    let n = 0;
    while (await waitScreen(page) === 'question' && !(await page.$('#q-fields input[name=age]'))) {
      await answerScreen(page, { saddle_numbness: false });
      assert(++n < 40, 'age was never asked');
    }
    assert(await page.$('#q-fields input[name=age]'), 'the interview ended before age');
    const step = lastStep;
    await page.fill('input[name=age]', '130');
    await page.click('#q-next');
    await until(page, () => /from 0 to 120 years/.test(document.getElementById('q-error').textContent), null, 'the range said');
    assert(Number(await page.evaluate(() => document.body.dataset.step)) === step, 'an age of 130 moved the interview on');
    // An age under 12 is said back and taken when Next is chosen again on it; another age is
    // taken at once.
    await page.fill('input[name=age]', '1');
    await page.click('#q-next');
    await until(page, () => /An age of 1 year\? .*teenagers and adults/.test(document.getElementById('q-error').textContent), null, 'age 1 said back');
    assert(Number(await page.evaluate(() => document.body.dataset.step)) === step, 'an age of 1 was taken without a second Next');
    await page.fill('input[name=age]', '34');
    await page.click('#q-next');
    await waitScreen(page);
    assert(!(await page.$('#q-fields input[name=age]')), 'an age of 34 was not taken');
    const again = await page.evaluate(() => {
      const D = window.numbfootDisplay, age = { id: 'age' }, km = { id: 'weekly_km' };
      return [D.ageAgain(age, 8), D.ageAgain(age, 8, 8), D.ageAgain(age, 12), D.ageAgain(km, 5)];
    });
    assert(/An age of 8 years\?/.test(again[0]) && again.slice(1).every((w) => w === ''), 'said back: ' + JSON.stringify(again));
  }],
  ['"Don\'t know" on the warning signs asks each sign, so doubt about one leaves only that one open', async (ctx, page) => {
    await freshStart(page);
    await unsureAboutOneSign(page, waitScreen);
  }],
  ['the warning signs do not pass with nothing chosen: "None of these" is its own choice', async (ctx, page) => {
    await freshStart(page);
    assert(await waitScreen(page) === 'question', 'no first question');
    assert(await page.$eval('#progress-text', (e) => /warning signs/.test(e.textContent)), 'first screen is not the warning signs');
    const title = await page.textContent('#q-title');
    const sent = [];
    const onRequest = (r) => { if (r.url().endsWith('/api/assess/next')) sent.push(r.postData()); };
    page.on('request', onRequest);
    await page.click('#q-next');
    const err = await page.waitForSelector('#q-error:has-text("None of these")');
    assert(/Tick those that apply/.test(await err.textContent()), 'the error does not say what to choose');
    await page.waitForTimeout(300);
    assert(sent.length === 0, 'Next with nothing ticked sent the answers: ' + sent.join(' '));
    assert(await page.textContent('#q-title') === title && await page.isVisible('#screen-question'), 'the screen changed');
    assert(Number(await page.evaluate(() => document.body.dataset.step)) === lastStep, 'a new screen was shown');
    await shot(page, 'question-redflags-unanswered');
    // "None of these" and a ticked sign exclude each other.
    await page.check('#q-fields input[name="stroke_signs"]');
    await page.check('#q-none');
    assert(!(await page.isChecked('#q-fields input[name="stroke_signs"]')), '"None of these" left a sign ticked');
    await page.check('#q-fields input[name="severe_pain_after_run"]');
    assert(!(await page.isChecked('#q-none')), 'a ticked sign left "None of these" ticked');
    await page.uncheck('#q-fields input[name="severe_pain_after_run"]');
    await page.check('#q-none');
    await page.click('#q-next');
    assert(await waitScreen(page) === 'question', 'no next question after "None of these"');
    page.off('request', onRequest);
    const body = JSON.parse(sent[sent.length - 1]);
    for (const id of ['saddle_numbness', 'bladder_bowel', 'stroke_signs', 'severe_pain_after_run']) {
      assert(body.answers[id] === false, id + ' was sent as ' + body.answers[id]);
    }
    assert(!('none-of-these' in body.answers), 'the "None of these" box was sent as an answer');
    assert(await page.textContent('#q-title') !== title, 'still on the warning signs');
  }],
  ['every warning-sign screen comes first, and an urgent result leads with its first step', async (ctx, page) => {
    const kb = await page.evaluate(() => window.numbfootApi('GET', '/api/kb'));
    const lists = kb.red_flag_checklists;
    assert(Array.isArray(lists) && lists.length >= 2, 'warning-sign screens: ' + JSON.stringify(lists));
    await freshStart(page);
    for (let i = 0; i < lists.length; i++) {
      assert(await waitScreen(page) === 'question', 'warning screen ' + (i + 1) + ' missing');
      assert(await page.$eval('#progress-text', (e) => /warning signs/.test(e.textContent)), 'screen ' + (i + 1) + ' is not a warning-sign screen');
      const names = await page.$$eval('#q-fields input:not(#q-none)', (ins) => [...new Set(ins.map((x) => x.name))]);
      const want = kb.checklists.find((c) => c.id === lists[i]).findings;
      assert(JSON.stringify(names) === JSON.stringify(want), 'screen ' + (i + 1) + ' shows ' + names.join(','));
      if (i === lists.length - 1) await page.check('#q-fields input[name="foot_wound"]');
      else await page.check('#q-none');
      await page.click('#q-next');
    }
    assert(await waitScreen(page) === 'question', 'the interview stopped after an urgent warning sign');
    assert(await page.$eval('#progress-text', (e) => !/warning signs/.test(e.textContent)), 'a third warning screen');
    await page.click('#q-stop');
    assert(await waitScreen(page) === 'result', 'no result');
    assert(await page.$eval('#r-triage', (e) => e.className.includes('urgent')), 'result is not urgent');
    const first = await page.$eval('#r-plan .first-step', (e) => e.textContent);
    assert(/^First: Be seen by a GP/.test(first), 'first step: ' + first);
    assert(await page.$eval('#r-triage', (e) => /a GP/.test(e.textContent)), 'the headline does not name the GP');
    assert(await page.$eval('#r-plan', (e) => !/try for/.test(e.textContent)), 'an urgent plan keeps a trial step');
    assert(await page.$eval('#r-see li', (e) => /GP/.test(e.textContent)), 'whom to see does not start with the GP');
  }],
  ['the keyboard alone can answer a question', async (ctx, page) => {
    await freshStart(page);
    await waitScreen(page);
    // Past the warning signs: every warning-sign screen.
    while (await page.$eval('#progress-text', (e) => /warning signs/.test(e.textContent))) {
      await page.click('#q-unknown'); // asks each sign in turn
      await page.waitForSelector('#q-fields fieldset.tri');
      await page.click('#q-unknown'); // and "Don't know" again leaves all of them open
      await waitScreen(page);
    }
    const before = await page.$eval('#progress-text', (e) => e.textContent);
    await page.keyboard.press('Tab'); // from the focused heading to the first field
    const type = await page.evaluate(() => document.activeElement.type);
    assert(['radio', 'checkbox', 'text'].includes(type), 'Tab went to ' + type);
    if (type === 'text') await page.keyboard.type('30');
    else await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await waitScreen(page);
    const now = await page.$eval('#progress-text', (e) => e.textContent);
    assert(now !== before, 'Enter did not answer the question');
    const labelled = await page.$$eval('#q-fields input, #q-fields select', (ins) => ins.every((i) => i.closest('label') || i.labels.length || i.getAttribute('aria-label')));
    assert(labelled, 'a form field has no label');
  }],
  ['a cross-site POST from another origin is refused with 403', async (ctx, page) => {
    await page.route('http://evil.test/**', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<form id=f method=POST action="${base}/api/assess/next" enctype="text/plain">
             <input name='{"mode":"runner","answers":{},"x":"' value='"}'></form>
             <script>document.getElementById('f').submit()</script>`,
    }));
    const waitResp = page.waitForResponse((r) => r.url().startsWith(base + '/api/assess/next'));
    await page.goto('http://evil.test/');
    const r = await waitResp;
    assert(r.status() === 403, 'cross-site POST answered ' + r.status());
    const body = await r.json();
    assert(/cross-site/.test(body.error), 'error is ' + body.error);
    await page.unroute('http://evil.test/**');
  }],
  ['requests with the token but a foreign Origin, or without the token, are refused', async () => {
    const b = JSON.stringify({ mode: 'runner', answers: {}, screens: 0 });
    const h = { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' };
    let r = await raw('POST', '/api/assess/next', { ...h, 'X-Numbfoot-Token': token, Origin: 'http://evil.test' }, b);
    assert(r.status === 403 && /cross-site/.test(JSON.parse(r.body).error), 'foreign Origin: ' + r.status);
    r = await raw('POST', '/api/assess/next', { ...h, 'X-Numbfoot-Token': token, 'Sec-Fetch-Site': 'cross-site' }, b);
    assert(r.status === 403, 'Sec-Fetch-Site cross-site: ' + r.status);
    r = await raw('POST', '/api/assess/next', h, b);
    assert(r.status === 403 && /token/.test(JSON.parse(r.body).error), 'no token: ' + r.status);
    r = await raw('POST', '/api/assess/next', { ...h, 'X-Numbfoot-Token': token }, b);
    assert(r.status === 200, 'good request: ' + r.status);
    // The token in a query is nobody's business: no redirect (once an open one), no cookie.
    r = await raw('GET', '//evil.test/?token=' + token, { Host: `127.0.0.1:${port}` });
    assert(r.status === 404 && !r.headers.location && !r.headers['set-cookie'], '//evil.test/?token= answered ' + r.status);
    r = await raw('GET', '/api/kb?token=' + token, { Host: `127.0.0.1:${port}` });
    assert(r.status === 403 && !r.headers['set-cookie'], 'a token in the query answered ' + r.status);
  }],
  ['a wrong Host (DNS rebinding) is rejected, in the browser and raw', async (ctx, page) => {
    const resp = await page.goto(`http://rebind.test:${port}/`);
    assert(resp.status() === 421, 'rebound name answered ' + resp.status());
    const r = await raw('GET', '/', { Host: `evil.test:${port}` });
    assert(r.status === 421 && /not this server/.test(JSON.parse(r.body).error), 'raw wrong Host: ' + r.status);
    const r2 = await raw('GET', '/', {});
    assert(r2.status === 400, 'no Host: ' + r2.status);
  }],
  ['bad answers get a 400 naming the key', async () => {
    const h = { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'X-Numbfoot-Token': token };
    const cases = [
      ['{"answers":{"age":"old"}}', 'answers.age'],
      ['{"answers":{"no_such":true}}', 'answers.no_such'],
      ['{"answers":{"location":["dorsum","dorsum"]}}', 'answers.location'],
      ['{"mode":"vet"}', 'mode'],
      ['{"screens":-1}', 'screens'],
      ['{"answers":', 'body'],
    ];
    for (const [b, key] of cases) {
      const r = await raw('POST', '/api/assess/next', h, b);
      assert(r.status === 400, b + ' answered ' + r.status);
      assert(JSON.parse(r.body).error.startsWith(key), b + ': error ' + r.body);
    }
    const big = '{"answers":{},"pad":"' + 'x'.repeat(70000) + '"}';
    const r = await raw('POST', '/api/assess/next', h, big);
    assert(r.status === 413, 'oversized body answered ' + r.status);
  }],
  ['odd requests get an answer: a GET with a body, OPTIONS, chunked POST, too many headers', async () => {
    const host = { Host: `127.0.0.1:${port}` };
    let r = await raw('GET', '/api/kb', { ...host, 'X-Numbfoot-Token': token, 'Content-Length': '6' }, 'abcdef');
    assert(r.status === 200, 'GET with a body answered ' + r.status);
    r = await raw('OPTIONS', '/api/kb', host);
    assert(r.status === 405 && JSON.parse(r.body).error, 'OPTIONS answered ' + r.status);
    r = await raw('POST', '/api/assess/next', { ...host, 'X-Numbfoot-Token': token, 'Transfer-Encoding': 'chunked' }, '{"answers":{}}');
    assert(r.status === 200 && JSON.parse(r.body).question.red_flags, 'chunked POST answered ' + r.status);
    const many = { ...host };
    for (let i = 0; i < 70; i++) many['X-Extra-' + i] = 'v';
    r = await raw('GET', '/', many);
    assert(r.status === 431, 'too many headers answered ' + r.status);
    r = await raw('GET', '/favicon.ico', host);
    assert(r.status === 204, 'favicon answered ' + r.status);
    const h = r.headers;
    assert(h['content-security-policy'] && h['x-frame-options'] === 'DENY' && h['referrer-policy'] === 'no-referrer' &&
      h['x-content-type-options'] === 'nosniff', 'security headers missing on a 204');
  }],
];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numbfoot-chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: DESKTOP,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
  });
  const errors = [];
  const page = ctx.pages()[0] || await ctx.newPage();
  // The page keeps an interview under way in the tab's sessionStorage and takes it up again on a
  // reload. A test's goto opens the page as a new tab would, with no interview kept (the tests of
  // the reload itself use page.reload and the history).
  const goto = page.goto.bind(page);
  page.goto = async (url, opt) => {
    try { await page.evaluate(() => sessionStorage.clear()); } catch (e) { /* about:blank, another origin */ }
    return goto(url, opt);
  };
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  let all = process.env.ONLY_EXTRA ? [] : tests;
  if (process.env.EXTRA_TESTS) {
    for (const f of process.env.EXTRA_TESTS.split(' ').filter(Boolean)) await import(path.resolve(f));
    all = all.concat(extra);
  }
  for (const [name, fn] of all) {
    errors.length = 0;
    try {
      await fn(ctx, page, { base, token, port, raw, shot, assert, waitScreen, freshStart });
      if (errors.length) throw new Error('page errors: ' + errors.join('; '));
      console.log('ok   ' + name);
      passed++;
    } catch (e) {
      console.log('FAIL ' + name + '\n     ' + (e.stack || e).toString().split('\n').slice(0, 3).join('\n     '));
      failed++;
    }
  }
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`web: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.log('FAIL harness: ' + e.stack); console.log(`web: ${passed} passed, ${failed + 1} failed`); process.exit(1); });
