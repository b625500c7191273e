// Browser tests of editing the journal, importing by drag and drop, the gear's wear bars, the
// trends screen and the report download. Loaded by test_app.mjs (EXTRA_TESTS) after
// test_journal.mjs, on the same server and journal.
import fs from 'node:fs';
import path from 'node:path';
import { addTest } from './test_app.mjs';
import { api, download, openJournal, waitText } from './helpers.mjs';

addTest('journal: a run and its numbness are edited in place, and a run is deleted after a second click', async (ctx, page, h) => {
  const made = await api(h, 'POST', '/api/runs', {
    start_time: '2026-10-01T07:00:00Z', distance_km: 9, episode: { onset_km: 5, severity: 3 },
  });
  h.assert(made.status === 201, 'run not added: ' + JSON.stringify(made.body));
  const id = made.body.run.id;
  await openJournal(page, h);
  const row = `#j-runs tr[data-run="${id}"]`;
  await page.click(`${row} button:has-text("Edit")`);
  await page.waitForSelector('tr.editing form');
  await h.shot(page, 'journal-edit');
  await page.fill('tr.editing input[name=distance_km]', '9.8');
  await page.fill('tr.editing input[name=severity]', '6');
  await page.click('tr.editing button[type=submit]');
  await waitText(page, '#j-run-status', /Run changed/);
  const got = await api(h, 'GET', '/api/runs/' + id);
  h.assert(got.body.run.distance_m === 9800, 'distance after the edit: ' + got.body.run.distance_m);
  h.assert(got.body.run.start_time === '2026-10-01T07:00:00Z', 'the edit changed the start time: ' + got.body.run.start_time);
  h.assert(got.body.run.shoes === made.body.run.shoes && got.body.run.shoes, 'the edit changed the shoes: ' + got.body.run.shoes);
  const eps = (await api(h, 'GET', '/api/episodes')).body.episodes.filter((e) => e.run_id === id);
  h.assert(eps.length === 1 && eps[0].severity === 6 && eps[0].onset_km === 5, 'episode after the edit: ' + JSON.stringify(eps));

  await page.click(`${row} button:has-text("Delete")`);
  h.assert((await api(h, 'GET', '/api/runs/' + id)).status === 200, 'one click deleted the run');
  await page.click(`${row} button:has-text("Really delete?")`);
  await waitText(page, '#j-run-status', /Run deleted/);
  h.assert((await api(h, 'GET', '/api/runs/' + id)).status === 404, 'the run is still there');
  h.assert(!(await api(h, 'GET', '/api/episodes')).body.episodes.some((e) => e.run_id === id), 'its episode is still there');
});

addTest('journal: files dropped on the page are imported one by one with progress', async (ctx, page, h) => {
  await openJournal(page, h);
  // Two runs of days no earlier test's run overlaps (the synthetic run is moved to 20 September:
  // on its own day an earlier test's run of three-runs.tcx overlaps it, and a run whose time
  // overlaps a stored one is refused), and a ride.
  const moved = (text) => text.replaceAll('2026-10-04', '2026-09-20');
  const files = ['fuzz/corpus/gpx/synthetic-20s.gpx', 'fuzz/corpus/gpx/no-namespace.gpx', 'fuzz/corpus/tcx/biking.tcx']
    .map((f) => ({ name: path.basename(f),
      data: Buffer.from(f.endsWith('synthetic-20s.gpx') ? moved(fs.readFileSync(f, 'utf8')) : fs.readFileSync(f)).toString('base64') }));
  const before = (await api(h, 'GET', '/api/runs')).body.runs.length;
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    const drop = document.getElementById('j-drop');
    drop.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await waitText(page, '#j-import-status', /2 imported, 1 not/);
  const t = await page.textContent('#j-uploads');
  h.assert(/Imported .* from synthetic-20s\.gpx/.test(t) && /Imported .* from no-namespace\.gpx/.test(t), 'status: ' + t);
  h.assert(/biking\.tcx:\S* not a run/.test(t), 'the cycling file was not refused: ' + t);
  const bars = await page.$$eval('#j-uploads progress', (ps) => ps.map((p) => p.value));
  h.assert(bars.length === 3 && bars.every((v) => v === 1), 'progress bars: ' + bars);
  const after = (await api(h, 'GET', '/api/runs')).body.runs.length;
  h.assert(after === before + 2, `runs before ${before}, after ${after}`);
  await h.shot(page, 'journal-import');
});

addTest('journal: shoes show a wear bar against their retirement distance, and can be retired', async (ctx, page, h) => {
  const g = await api(h, 'POST', '/api/gear', { nickname: 'Old trainers', start_km: 700, retire_km: 800 });
  h.assert(g.status === 201, 'gear not added: ' + JSON.stringify(g.body));
  await openJournal(page, h);
  const row = `#j-gear tr[data-gear="${g.body.gear.id}"]`;
  const label = await page.getAttribute(`${row} .wear`, 'aria-label');
  h.assert(label === '700 of 800 km', 'wear bar label: ' + label);
  const width = await page.$eval(`${row} .wear-fill`, (e) => e.style.width);
  h.assert(width === '87.5%', 'wear bar width: ' + width);
  h.assert(await page.$eval(`${row} .wear-fill`, (e) => e.classList.contains('check')), 'a pair past 500 of 800 km is not marked for a check');
  await page.click(`${row} button:has-text("Make default")`);
  await waitText(page, '#j-gear-status', /Old trainers is now the default/);
  // Retire asks the day, today unless the runner says another (a pair stopped weeks ago).
  await page.click(`${row} button:has-text("Retire")`);
  const asked = await page.inputValue('#j-gear form[aria-label="Retire Old trainers"] input[name=retired]');
  const today = await page.evaluate(() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); });
  h.assert(asked === today, 'the retirement day offered: ' + asked + ', today ' + today);
  await page.fill('#j-gear form[aria-label="Retire Old trainers"] input[name=retired]', '2025-06-01');
  await page.click('#j-gear form[aria-label="Retire Old trainers"] button[type=submit]');
  await waitText(page, '#j-gear-status', /Old trainers retired/);
  const now = (await api(h, 'GET', '/api/gear/' + g.body.gear.id)).body.gear;
  h.assert(now.retired === '2025-06-01' && !now.default, 'stored pair: ' + JSON.stringify(now));
  // The day it was retired, in words, and the same calendar day as stored.
  const [y, m, d] = now.retired.split('-').map(Number);
  const words = await page.evaluate(([yy, mm, dd]) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(yy, mm - 1, dd)), [y, m, d]);
  const wear = await waitText(page, row + ' td:nth-child(5)', /retired/);
  h.assert(wear === 'retired ' + words, 'wear column: ' + wear + ', expected retired ' + words);
});

addTest('trends: the journal\'s patterns, figures and advice, and an assessment started from them', async (ctx, page, h) => {
  const shoes = (await api(h, 'POST', '/api/gear', { nickname: 'Tight pair', retire_km: 800, default: true })).body.gear;
  h.assert(shoes, 'shoes not added');
  for (let d = 10; d < 15; d++) { // five onsets: "the same distance every run" needs 5
    const r = await api(h, 'POST', '/api/runs', {
      start_time: `2026-11-${d}T07:00:00Z`, distance_km: 10, duration_min: 55, shoes: 'Tight pair',
      episode: { onset_km: 6, severity: 4, locations: ['dorsum'], loosening_helped: true, foot: 'left' },
    });
    h.assert(r.status === 201, 'run not added: ' + JSON.stringify(r.body));
  }
  await page.goto(h.base + '/');
  await page.waitForSelector('body[data-ready=yes]');
  await page.click('#nav-trends');
  await page.waitForSelector('#screen-trends:not([hidden]) #t-findings');
  const found = await page.textContent('#t-findings');
  h.assert(/about the same time, distance or effort every run: yes/.test(found), 'no onset pattern shown: ' + found);
  // A choice in the question's words: "one foot", not the stored "one".
  h.assert(/: one foot/.test(found), 'the side is not said in words: ' + found);
  const needs = await page.textContent('#t-needs');
  h.assert(!/--/.test(needs), 'terminal options shown on the page: ' + needs);
  // Each figure its own image, drawn for the column's width, with its title as its text.
  // Polled with evaluate: waitForFunction evaluates a string, which the page's CSP forbids.
  let figures = [];
  for (let i = 0; i < 100; i++) {
    figures = await page.$$eval('#t-figures img', (imgs) => imgs.map((i) => ({
      drawn: i.complete && i.naturalWidth > 0, alt: i.alt, asked: Number(i.dataset.width), shown: i.clientWidth,
    })));
    if (figures.length && figures.every((f) => f.drawn)) break;
    await page.waitForTimeout(50);
  }
  h.assert(figures.length === 5 && figures.every((f) => f.drawn), 'the figures did not load: ' + JSON.stringify(figures));
  h.assert(figures[0].alt === 'Onset per run', 'the first figure\'s text: ' + figures[0].alt);
  h.assert(figures.every((f) => Math.abs(f.asked - f.shown) <= 2), 'figures not drawn for the width they are shown at: ' + JSON.stringify(figures));
  await h.shot(page, 'trends');

  await page.click('#t-assess');
  await page.waitForSelector('#screen-question:not([hidden])');
  const asked = await page.$$eval('#q-fields input', (ins) => [...new Set(ins.map((i) => i.name))]);
  h.assert(!asked.includes('onset_consistent'), 'a derived answer is asked again');
  await page.click('#q-stop');
  await page.waitForSelector('#screen-result:not([hidden])');
  const causes = await page.textContent('#r-causes');
  h.assert(/from your journal/.test(causes), 'the result does not mark answers from the journal: ' + causes.slice(0, 300));
});

addTest('trends: the report downloads as PDF and as HTML', async (ctx, page, h) => {
  await page.goto(h.base + '/');
  await page.waitForSelector('body[data-ready=yes]');
  await page.click('#nav-trends');
  await page.waitForSelector('#screen-trends:not([hidden]) #t-pdf');
  for (const [sel, ext, magic] of [['#t-pdf', 'pdf', '%PDF-'], ['#t-html', 'html', '<!DOCTYPE html']]) {
    const dl = await download(page, sel);
    const name = dl.suggestedFilename();
    h.assert(new RegExp('^numbfoot-report-\\d{4}-\\d\\d-\\d\\d\\.' + ext + '$').test(name), 'file name ' + name);
    const file = await dl.path();
    const head = fs.readFileSync(file).subarray(0, 64).toString('latin1');
    h.assert(head.toLowerCase().startsWith(magic.toLowerCase()), ext + ' starts with ' + JSON.stringify(head.slice(0, 20)));
    h.assert(fs.statSync(file).size > 2000, ext + ' is only ' + fs.statSync(file).size + ' bytes');
  }
  const r = await h.raw('GET', '/api/report.pdf', { Host: `127.0.0.1:${h.port}` });
  h.assert(r.status === 403, 'the report without the token answered ' + r.status);
});
