// Browser test of a watch file whose run the runner had typed by hand: the page says so in the
// runner's words (the typed run's day, time and distance, no number and no UTC time), stores
// nothing, and its one button sends the same file again with merge, after which the run list
// shows the typed run with the file's measures and its numbness kept. Run by run.sh against a
// server of its own (ONLY_EXTRA), whose journal starts empty.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addTest } from './test_app.mjs';
import { api, waitText } from './helpers.mjs';

const FILE = 'tests/fixtures/fit/activity-small-fenix2-run.fit';
const NAME = path.basename(FILE);

// The file's run as the journal would store it: imported into a scratch journal and listed.
function fileRun() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numbfoot-merge-'));
  try {
    const db = path.join(dir, 'j.db');
    execFileSync(process.env.NUMBFOOT, ['import', '--db', db, FILE], { stdio: 'ignore' });
    return JSON.parse(execFileSync(process.env.NUMBFOOT, ['run', 'list', '--json', '--db', db]).toString())[0];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

addTest('merge: a file like a run typed by hand is offered, and taken into that run with its numbness kept', async (ctx, page, h) => {
  const file = fileRun();
  h.assert(file && file.start_time && file.distance_m > 1000, 'the file read as ' + JSON.stringify(file));
  await page.goto(h.base + '/#token=' + h.token);
  await page.waitForSelector('body[data-ready=yes]');
  await page.click('#nav-journal');
  await page.waitForSelector('#screen-journal:not([hidden]) #j-run-form');

  // Typed by hand: two minutes after the file's start (the browser's local day and time), 5%
  // shorter, with numbness at 6 km.
  const when = await page.evaluate((iso) => {
    const d = new Date(Date.parse(iso) + 120000), p = (n) => String(n).padStart(2, '0');
    return { date: d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()), time: p(d.getHours()) + ':' + p(d.getMinutes()) };
  }, file.start_time);
  const typedKm = Math.round(file.distance_m * 0.95 / 100) / 10;
  await page.fill('#j-run-form input[name=date]', when.date);
  await page.fill('#j-run-form input[name=time]', when.time);
  await page.fill('#j-run-form input[name=distance_km]', String(typedKm));
  await page.fill('#j-run-form input[name=duration_min]', '50');
  await page.fill('#j-run-form textarea[name=notes]', 'typed after the run');
  await page.check('#j-numb');
  await page.fill('#j-run-form input[name=onset]', '6');
  await page.fill('#j-run-form input[name=severity]', '3');
  await page.click('#j-run-form button[type=submit]');
  await waitText(page, '#j-runs', /numb 3\/10 at 6 km/);
  let runs = (await api(h, 'GET', '/api/runs')).body.runs;
  h.assert(runs.length === 1 && runs[0].source_file === null, 'typed run: ' + JSON.stringify(runs));
  const typed = runs[0];
  const day = await page.textContent(`#j-runs tr[data-run="${typed.id}"] .day`);

  // The file: not stored, and said in the runner's words.
  await page.setInputFiles('#j-file', FILE);
  await page.click('#j-import-form button[type=submit]');
  const said = await waitText(page, '#j-uploads', /looks like your run of/);
  h.assert(said.includes(typedKm.toFixed(1) + ' km') && /typed by hand/.test(said), 'the offer says ' + said);
  h.assert(!/run \d|UTC|\d\d:\d\d:\d\dZ|T\d\d:\d\d/.test(said), 'the offer names a number or a UTC time: ' + said);
  h.assert(said.includes(day.trim()), 'the offer does not give the day as the run list does (' + day + '): ' + said);
  const button = '#j-uploads button:has-text("Take the file\'s measures into that run")';
  h.assert(await page.isVisible(button), 'no button to take the file in');
  h.assert(!/error/.test(await page.getAttribute('#j-uploads li span', 'class') || ''), 'the offer is shown as an error');
  runs = (await api(h, 'GET', '/api/runs')).body.runs;
  h.assert(runs.length === 1 && runs[0].source_file === null && runs[0].distance_m === typed.distance_m, 'stored before the merge: ' + JSON.stringify(runs));
  await h.shot(page, 'journal-merge-offer');

  // The merge: the same run, with the file's measures and its numbness and notes kept.
  await page.click(button);
  await waitText(page, '#j-uploads', /Took the measures of /);
  await waitText(page, '#j-runs', new RegExp('from ' + NAME.replace(/\./g, '\\.')));
  const row = await page.textContent('#j-runs');
  h.assert(row.includes((file.distance_m / 1000).toFixed(1) + ' km') && /numb 3\/10 at 6 km/.test(row), 'the run list shows ' + row);
  h.assert(!(await page.isVisible(button)), 'the button stays after the merge');
  runs = (await api(h, 'GET', '/api/runs')).body.runs;
  h.assert(runs.length === 1, 'runs after the merge: ' + runs.length);
  const r = runs[0];
  h.assert(r.id === typed.id && r.source_file === NAME && r.notes === 'typed after the run', 'merged run: ' + JSON.stringify(r));
  h.assert(Math.abs(r.distance_m - file.distance_m) < 0.01 && r.start_time === file.start_time && Math.abs(r.moving_s - file.moving_s) < 0.5,
    'the file\'s measures were not taken: ' + JSON.stringify(r));
  h.assert(r.episodes.length === 1 && r.episodes[0].id === typed.episodes[0].id && r.episodes[0].severity === 3, 'episodes: ' + JSON.stringify(r.episodes));
  await h.shot(page, 'journal-merged');
});
