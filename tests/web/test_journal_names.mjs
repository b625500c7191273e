// Browser tests of the journal's words for what each control and cell is: buttons named by
// the item they act on, the measures of a run apart from its notes, upload lines that end with
// their outcome. Loaded by test_app.mjs (EXTRA_TESTS); makes its own records, so it runs alone too.
import { addTest } from './test_app.mjs';
import { api, openJournal, waitText } from './helpers.mjs';

// The journal with every run listed: after other tests' runs these are not among the latest 20.
async function journalAll(page, h) {
  await openJournal(page, h);
  if (await page.$('#j-runs-all')) {
    await page.click('#j-runs-all');
    await waitText(page, '#screen-journal', /All \d+ runs, newest first/);
  }
}

async function records(h) {
  const gear = (nickname, def) => api(h, 'POST', '/api/gear', { kind: 'shoes', nickname, first_use: '2025-01-01', retire_km: 700, default: def });
  await gear('Names one', false);
  await gear('Names two', false);
  const run = (start_time, extra) => api(h, 'POST', '/api/runs', Object.assign({ start_time, distance_km: 8, duration_min: 45, shoes: null, force: true }, extra));
  let r = await run('2025-03-02T07:00:00Z', { temperature_c: -7 }); // measured, no notes
  h.assert(r.status === 201, 'run: ' + r.status + ' ' + JSON.stringify(r.body));
  r = await run('2025-03-04T07:00:00Z', { notes: 'tempo, tingling front of left foot', cadence_spm: 170 });
  h.assert(r.status === 201, 'run: ' + r.status + ' ' + JSON.stringify(r.body));
  r = await api(h, 'POST', '/api/assessments', { mode: 'runner', answers: { saddle_numbness: false, age: 40 }, screens: 2 });
  h.assert(r.status === 201, 'assessment: ' + r.status);
}

addTest('journal: each Delete and Make default button is named for the item it acts on', async (ctx, page, h) => {
  await page.goto(h.base + '/#token=' + h.token);
  await page.waitForSelector('body[data-ready=yes]');
  await records(h);
  await journalAll(page, h);
  await page.waitForSelector('#screen-journal button.danger');
  const names = async (text) => page.$$eval('#screen-journal button', (bs, t) => bs.filter((b) => b.textContent === t)
    .map((b) => b.getAttribute('aria-label') || ''), text);
  const del = await names('Delete');
  h.assert(del.length >= 3, 'Delete buttons: ' + del.length);
  h.assert(del.every((n) => /^Delete the (run|assessment) of .+/.test(n)), 'Delete named: ' + del.join(' | '));
  h.assert(new Set(del).size === del.length, 'two Delete buttons share a name: ' + del.join(' | '));
  const dflt = await names('Make default');
  // The first pair of an empty journal is its default: the other has the button.
  h.assert(dflt.length >= 1 && dflt.every((n) => /^Make .+ the default$/.test(n)) && dflt.includes('Make Names two the default'),
    'Make default named: ' + dflt.join(' | '));
  // Asking once more, the name still says which.
  const row = 'tr.run:has-text("tempo, tingling")';
  await page.click(`${row} button.danger`);
  const asked = await page.getAttribute(`${row} button.danger`, 'aria-label');
  h.assert(/^Really delete the run of .+\?$/.test(asked), 'armed Delete named: ' + asked);
  await openJournal(page, h); // disarmed, nothing deleted
});

addTest('journal: on a phone a run\'s measures are under "Measured:", its notes alone under "Notes:"', async (ctx, page, h) => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await journalAll(page, h);
    const cells = await page.$$eval('#j-runs tr.run td.notes', (tds) => tds.map((td) => [td.textContent,
      getComputedStyle(td, '::before').content]));
    const measured = cells.find(([t]) => /-7 °C/.test(t)), noted = cells.find(([t]) => /tempo, tingling/.test(t));
    h.assert(measured && noted, 'runs not shown: ' + JSON.stringify(cells).slice(0, 300));
    h.assert(/^Measured: -7 °C$/.test(measured[0]), 'measured run says ' + measured[0]);
    h.assert(/^Measured: 170 steps\/min\s*Notes: tempo, tingling/.test(noted[0]), 'noted run says ' + noted[0]);
    for (const [t, before] of cells) {
      h.assert(!/Notes/.test(before), 'the cell is labelled ' + before + ' before ' + t);
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

addTest('journal: a finished upload leaves its outcome, not a progress bar', async (ctx, page, h) => {
  await openJournal(page, h);
  await page.setInputFiles('#j-file', ['fuzz/corpus/fit/le-run.fit', 'fuzz/corpus/fit/cycling.fit']);
  await page.click('#j-import-form button[type=submit]');
  await waitText(page, '#j-uploads', /cycling\.fit: .*not a run/);
  const bars = await page.$$eval('#j-uploads progress', (ps) => ps.map((p) => p.getBoundingClientRect().width > 0));
  h.assert(bars.length === 2 && bars.every((shown) => !shown), 'progress bars still shown: ' + JSON.stringify(bars));
});
