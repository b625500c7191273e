// Browser tests of the page's layout with a large journal: 50 runs (made through the API here),
// long nicknames and notes. No main screen may scroll sideways at 390 or 1280 px; runs are cards
// at phone width and a table that fits its column at desktop width, newest first, with dates
// in words and no seconds. Screenshots of the journal, trends and result screens at both widths
// go to large-SCREEN-WIDTH.png. Loaded by test_app.mjs (EXTRA_TESTS) after test_trends.mjs.
import path from 'node:path';
import { addTest } from './test_app.mjs';
import { api, waitText } from './helpers.mjs';

const shots = process.env.SCREENSHOTS || 'build/screenshots';
const WIDTHS = [{ width: 390, height: 844 }, { width: 1280, height: 800 }];
const LONG_NICK = 'Extraordinarily-long-nickname-for-the-daily-trainers-no-gaps-63';
const SPACED_NICK = 'The old blue pair with the green laces from the marathon in May';
const NOTE = 'Windy along the river path, then the long climb past the allotments; the left foot tingled ' +
  'from the top of the hill until the bridge, eased when I loosened the laces at the cafe and came back ' +
  'on the last kilometre. Route: https://example.org/routes/riverside-loop-with-the-long-climb-and-the-bridge-' +
  'and-back-again-by-the-canal?lap=2 and some more words after it to make the note wrap over several lines.';

// What sticks out sideways on the page as it is shown now: the page itself wider than the
// window, an element past either edge, or a scrolling box whose content is wider than it.
function sideways() {
  const vw = document.documentElement.clientWidth;
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
  const bad = [];
  if (document.documentElement.scrollWidth > vw) bad.push('the page is ' + document.documentElement.scrollWidth + ' px wide in ' + vw);
  // Visually hidden text (clipped to nothing, for screen readers) takes no room on the screen.
  const clipped = (e) => { for (; e && e !== document.body; e = e.parentElement) if (getComputedStyle(e).clip !== 'auto') return true; return false; };
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('[hidden]') || clipped(e)) continue;
    const cs = getComputedStyle(e);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const r = e.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    if (r.right > vw + 0.5 || r.left < -0.5) bad.push(name(e) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
    else if (!/^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName) && /auto|scroll|hidden/.test(cs.overflowX) &&
      e.scrollWidth > e.clientWidth + 1) bad.push(name(e) + ' hides ' + (e.scrollWidth - e.clientWidth) + ' px sideways');
  }
  return bad;
}

async function expectNoSideways(page, what) {
  const bad = await page.evaluate(sideways);
  if (bad.length) throw new Error(what + ': ' + bad.slice(0, 4).join('; ') + (bad.length > 4 ? ' (and ' + (bad.length - 4) + ' more)' : ''));
}

// The run added last (the highest id).
const newest = (runs) => runs.reduce((a, b) => (b.id > a.id ? b : a));

async function home(page) {
  await page.goto(page.url().replace(/#.*$/, '').replace(/\/[^/]*$/, '/'));
  await page.waitForSelector('body[data-ready=yes]');
}

async function openJournal(page) {
  await home(page);
  await page.click('#nav-journal');
  await page.waitForSelector('#screen-journal:not([hidden]) #j-runs');
}

// Opens the trends screen and waits for every figure to be drawn.
async function openTrends(page, h) {
  await home(page);
  await page.click('#nav-trends');
  await page.waitForSelector('#screen-trends:not([hidden]) #t-pdf');
  for (let i = 0; i < 200; i++) {
    const state = await page.evaluate(() => {
      const imgs = [...document.querySelectorAll('#t-figures img')];
      return imgs.length && imgs.every((i) => i.complete && i.naturalWidth > 0) ? imgs.length : 0;
    });
    if (state) return state;
    await page.waitForTimeout(50);
  }
  throw new Error('the figures did not load');
}

async function snap(page, name, width) {
  await page.screenshot({ path: path.join(shots, `large-${name}-${width}.png`), fullPage: true });
}

addTest('layout: a large journal (50 runs, long nicknames and notes) is made through the API', async (ctx, page, h) => {
  for (const nickname of [LONG_NICK, SPACED_NICK]) {
    const g = await api(h, 'POST', '/api/gear', { nickname, brand: 'Brand with a long name', model: 'Model 12 wide', retire_km: 700 });
    h.assert(g.status === 201, 'gear not added: ' + JSON.stringify(g.body));
  }
  // Evenings from 21:00 UTC, whatever the hour the test runs at: the runs of the tests before
  // (07:00 in November, 06:00-19:00 on their day) must not overlap them, which the API refuses.
  const day = 86400000, start = Math.floor(Date.now() / day) * day - 52 * 3 * day + 21 * 3600000;
  for (let i = 0; i < 50; i++) {
    const when = new Date(start + i * 3 * day + (i % 5) * 300000).toISOString().replace(/\.\d+Z$/, 'Z');
    const run = {
      start_time: when, distance_km: 6 + (i % 7) * 1.7, duration_min: 35 + (i % 7) * 9,
      surface: i % 4 ? 'road' : 'trail and gravel along the canal towpath', shoes: i % 3 ? LONG_NICK : SPACED_NICK,
      notes: i % 2 ? NOTE : 'Easy.', temperature_c: 2 + (i % 12), cadence_spm: 158 + (i % 9) * 2, heart_rate_bpm: 140 + (i % 20),
    };
    if (i % 3 === 0) run.episode = { onset_km: 3 + (i % 4), severity: 2 + (i % 6), recover_min: 10, side: 'one', locations: ['dorsum', 'first_web', 'toes_all'], loosening_helped: true };
    const r = await api(h, 'POST', '/api/runs', run);
    h.assert(r.status === 201, 'run ' + i + ' not added: ' + JSON.stringify(r.body));
  }
  const runs = (await api(h, 'GET', '/api/runs')).body.runs;
  h.assert(runs.length >= 50, 'runs in the journal: ' + runs.length);
});

addTest('layout: the journal at 390 and 1280 px: no sideways scroll, cards on a phone, a fitting table, newest first', async (ctx, page, h) => {
  const runs = (await api(h, 'GET', '/api/runs')).body.runs;
  const newest = runs.slice().sort((a, b) => (a.start_time < b.start_time ? 1 : a.start_time > b.start_time ? -1 : b.id - a.id)).map((r) => String(r.id));
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await openJournal(page);
    // The latest 20, newest first; all of them a click away.
    let order = await page.$$eval('#j-runs [data-run]', (rows) => rows.map((r) => r.dataset.run));
    h.assert(order.join(',') === newest.slice(0, 20).join(','), 'the latest runs are not shown newest first: ' + order.slice(0, 6).join(',') + ' against ' + newest.slice(0, 6).join(','));
    await page.click('#j-runs-all');
    await waitText(page, '#j-runs-all', /latest 20/);
    order = await page.$$eval('#j-runs [data-run]', (rows) => rows.map((r) => r.dataset.run));
    h.assert(order.join(',') === newest.join(','), 'all runs are not shown newest first: ' + order.length + ' rows');
    const when = await page.$$eval('#j-runs [data-run] .when', (c) => c.slice(0, 10).map((e) => e.innerText.replace(/\s+/g, ' ')));
    h.assert(when.length === 10 && when.every((t) => /\b(19|20)\d\d\b/.test(t) && /[A-Za-z]{3}/.test(t) && !/\d:\d\d:\d\d/.test(t) && !/\d+\/\d+\/\d+/.test(t)),
      'dates are not in words without seconds: ' + when.slice(0, 3).join(' | '));
    // Every part of the newest run, its actions included, is on the screen.
    const first = `#j-runs [data-run="${newest[0]}"]`;
    for (const sel of [`${first} button:has-text("Edit")`, `${first} button:has-text("Delete")`, `${first} .numbness`]) {
      const box = await page.locator(sel).first().boundingBox();
      h.assert(box && box.x >= 0 && box.x + box.width <= size.width, sel + ' is off the screen at ' + size.width + ' px: ' + JSON.stringify(box));
    }
    const cards = await page.$eval(first, (e) => getComputedStyle(e).display);
    if (size.width === 390) h.assert(cards !== 'table-row', 'runs are table rows at phone width');
    else h.assert(cards === 'table-row', 'runs are not a table at desktop width: ' + cards);
    await expectNoSideways(page, 'journal at ' + size.width + ' px');
    await page.check('#j-numb');
    await page.click(`${first} button:has-text("Edit")`);
    await page.waitForSelector('#j-runs .editing form');
    await expectNoSideways(page, 'journal with the forms open at ' + size.width + ' px');
    await page.click('#j-runs .editing button:has-text("Cancel")');
    await page.waitForSelector('#j-runs .editing', { state: 'detached' });
    await page.click('#j-runs-all');
    await waitText(page, '#j-runs-all', /Show all/);
    await snap(page, 'journal', size.width);
  }
  await page.setViewportSize(WIDTHS[1]);
});

// Words the browser cut in two inside the cells of table sel: the parts of a word (between
// spaces and hyphens) that lie on more than one line.
function cutWords(sel) {
  const cut = [];
  for (const td of document.querySelectorAll(sel + ' tbody td')) {
    const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const m of n.data.matchAll(/[^\s-]+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) cut.push(m[0]);
      }
    }
  }
  return cut;
}

// The shoes table at 1280 px has room for its words: "insoles" and "unknown" whole, not
// "insole|s" (review 20); at 390 px it is cards, and still fits the screen.
addTest('layout: the shoes table does not cut words at 1280 px', async (ctx, page, h) => {
  const made = [];
  for (const g of [{ kind: 'insoles', nickname: 'sf (insoles)', brand: 'Superfeet', model: 'Green', first_use: '2025-09-01' },
    { kind: 'shoes', nickname: 'peg', brand: 'Nike', model: 'Pegasus 40', retire_km: 800 }]) {
    const r = await api(h, 'POST', '/api/gear', g);
    h.assert(r.status === 201, 'gear: ' + JSON.stringify(r.body));
    made.push(r.body.gear.id);
  }
  await page.setViewportSize(WIDTHS[1]);
  await openJournal(page);
  const cut = await page.evaluate(cutWords, '#j-gear');
  h.assert(!cut.length, 'words cut in the shoes table at 1280 px: ' + cut.join(', '));
  await page.setViewportSize(WIDTHS[0]);
  await openJournal(page);
  await expectNoSideways(page, 'journal at 390 px');
  await page.setViewportSize(WIDTHS[1]);
  for (const id of made) h.assert((await api(h, 'POST', `/api/gear/${id}/delete`)).status === 200, 'gear ' + id + ' not deleted');
});

addTest('layout: a run\'s temperature, cadence and heart rate are typed in the form and changed in place', async (ctx, page, h) => {
  await page.setViewportSize(WIDTHS[0]);
  await openJournal(page);
  h.assert(await page.$eval('#j-run-form select[name=temp_unit]', (s) => s.value) === 'c', 'the temperature is not in Celsius by default');
  // Some hours before now, recent enough to be listed, and two hours or more from every run the
  // journal holds: one the earlier tests stored (at the form's default time, now, for an hour, or
  // at a fixed hour of the day) would make this one overlap it, and the page would ask instead of
  // storing.
  const starts = (await api(h, 'GET', '/api/runs')).body.runs.map((r) => Date.parse(r.start_time));
  const at = await page.evaluate((taken) => {
    const p = (n) => String(n).padStart(2, '0');
    let t = Date.now() - 3 * 3600e3;
    while (taken.some((s) => Math.abs(s - t) < 2 * 3600e3)) t -= 2 * 3600e3;
    const d = new Date(t);
    return [d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()), p(d.getHours()) + ':' + p(d.getMinutes())];
  }, starts);
  await page.fill('#j-run-form input[name=date]', at[0]);
  await page.fill('#j-run-form input[name=time]', at[1]);
  await page.fill('#j-run-form input[name=distance_km]', '7.5');
  await page.fill('#j-run-form input[name=temperature]', '-4.5');
  await page.fill('#j-run-form input[name=cadence_spm]', '168');
  await page.click('#j-run-form button[type=submit]');
  await waitText(page, '#j-run-status', /Run added/);
  let run = newest((await api(h, 'GET', '/api/runs')).body.runs);
  h.assert(run.temperature_c === -4.5 && run.cadence_spm === 168 && run.heart_rate_bpm === null, 'stored: ' + JSON.stringify(run));
  // An edit sends only what changed: here the heart rate, and the temperature given in Fahrenheit.
  await page.click(`#j-runs [data-run="${run.id}"] button:has-text("Edit")`);
  await page.waitForSelector('#j-runs .editing form');
  await page.fill('#j-runs .editing input[name=heart_rate_bpm]', '144');
  await page.selectOption('#j-runs .editing select[name=temp_unit]', 'f');
  await page.fill('#j-runs .editing input[name=temperature]', '41');
  await page.click('#j-runs .editing button[type=submit]');
  await waitText(page, '#j-run-status', /Run changed/);
  run = (await api(h, 'GET', '/api/runs/' + run.id)).body.run;
  h.assert(Math.abs(run.temperature_c - 5) < 0.01 && run.cadence_spm === 168 && run.heart_rate_bpm === 144 && run.distance_m === 7500,
    'after the edit: ' + JSON.stringify(run));
  await api(h, 'POST', '/api/runs/' + run.id + '/delete');
  await page.setViewportSize(WIDTHS[1]);
});

addTest('layout: the start, question, trends and result screens do not scroll sideways at 390 or 1280 px', async (ctx, page, h) => {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await home(page);
    await expectNoSideways(page, 'start at ' + size.width + ' px');
    await page.click('#start-button');
    await page.waitForSelector('#screen-question:not([hidden])');
    await expectNoSideways(page, 'warning signs at ' + size.width + ' px');
    const figures = await openTrends(page, h);
    h.assert(figures >= 5, 'figures shown: ' + figures);
    await expectNoSideways(page, 'trends at ' + size.width + ' px');
    await snap(page, 'trends', size.width);
    await page.click('#t-assess');
    await page.waitForSelector('#screen-question:not([hidden])');
    await expectNoSideways(page, 'a question at ' + size.width + ' px');
    await page.click('#q-stop');
    await page.waitForSelector('#screen-result:not([hidden])');
    await waitText(page, '#r-causes', /%/);
    await expectNoSideways(page, 'result at ' + size.width + ' px');
    await snap(page, 'result', size.width);
  }
  // A window made narrow (a phone turned, a resized window) gets its figures drawn again for it.
  await openTrends(page, h);
  await page.setViewportSize(WIDTHS[0]);
  let figs = [];
  for (let i = 0; i < 100; i++) {
    figs = await page.$$eval('#t-figures img', (imgs) => imgs.map((i) => [Number(i.dataset.width), i.clientWidth, i.complete]));
    if (figs.every(([asked, shown, done]) => done && Math.abs(asked - shown) <= 2)) break;
    await page.waitForTimeout(50);
  }
  h.assert(figs.every(([asked, shown]) => Math.abs(asked - shown) <= 2), 'figures not drawn again for 390 px: ' + JSON.stringify(figs));
  await page.setViewportSize(WIDTHS[1]);
});
