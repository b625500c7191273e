// Browser tests for a runner whose config says `units = mi`: the page takes and shows miles,
// stores kilometres, and the analysis and the report speak in miles. Run by run.sh against a
// server of its own (ONLY_EXTRA), whose journal starts empty.
import fs from 'node:fs';
import { addTest } from './test_app.mjs';
import { api, download, waitText } from './helpers.mjs';

const KM_PER_MILE = 1.609344;

addTest('miles: gear and a run typed in miles are stored in km and shown in miles', async (ctx, page, h) => {
  // This server's first visit: the launch address gives the page its token.
  await page.goto(h.base + '/#token=' + h.token);
  await page.waitForSelector('body[data-ready=yes]');
  await page.click('#nav-journal');
  await page.waitForSelector('#screen-journal:not([hidden]) #j-run-form');
  const label = await page.textContent('#j-run-form label.field:has(input[name=distance_km])');
  h.assert(/Distance \(mi\)/.test(label), 'distance label: ' + label);
  await page.fill('#j-gear-form input[name=nickname]', 'Trail pair');
  await page.fill('#j-gear-form input[name=retire_km]', '500');
  await page.click('#j-gear-form button[type=submit]');
  await waitText(page, '#j-gear', /Trail pair/);
  await page.fill('#j-run-form input[name=distance_km]', '10');
  await page.check('#j-numb');
  await page.fill('#j-run-form input[name=onset]', '5');
  await page.click('#j-run-form button[type=submit]');
  await waitText(page, '#j-runs', /10\.0 mi/);
  const runs = (await api(h, 'GET', '/api/runs')).body.runs;
  h.assert(runs.length === 1 && Math.abs(runs[0].distance_m - 10 * KM_PER_MILE * 1000) < 1, 'stored distance ' + runs[0].distance_m);
  h.assert(Math.abs(runs[0].episodes[0].onset_km - 5 * KM_PER_MILE) < 1e-6, 'stored onset ' + runs[0].episodes[0].onset_km);
  const gear = (await api(h, 'GET', '/api/gear')).body.gear[0];
  h.assert(Math.abs(gear.retire_km - 500 * KM_PER_MILE) < 1e-6, 'stored retirement distance ' + gear.retire_km);
  const wear = await page.getAttribute('#j-gear .wear', 'aria-label');
  h.assert(wear === '10 of 500 mi', 'wear bar: ' + wear);
  const row = await page.textContent('#j-runs tbody tr');
  h.assert(/at 5 mi/.test(row), 'run row: ' + row);
});

addTest('miles: an interview distance typed with its unit ("5k", "800 m", "3 mi") is taken in that unit', async (ctx, page, h) => {
  await page.goto(h.base + '/');
  await page.waitForSelector('body[data-ready=yes]');
  const got = await page.evaluate(() => {
    const D = window.numbfootDisplay;
    const f = { id: 'onset_km', type: 'number', distance: true, range: [0, 500] };
    const take = (t) => { try { return D.numberAnswer(f, t, true); } catch (e) { return e.message; } };
    return ['5k', '5 K', '800 m', '3 mi', '3', 'x', '5km', '2 miles'].map(take);
  });
  const near = (a, b) => typeof a === 'number' && Math.abs(a - b) < 1e-9;
  h.assert(near(got[0], 5) && near(got[1], 5) && near(got[2], 0.8) && near(got[3], 3 * KM_PER_MILE), 'with a unit: ' + JSON.stringify(got));
  h.assert(near(got[4], 3 * KM_PER_MILE), 'a bare number is in the chosen miles: ' + got[4]);
  h.assert(/Type a distance .*5k/.test(got[5]), 'a word: ' + got[5]);
  h.assert(near(got[6], 5) && near(got[7], 2 * KM_PER_MILE), 'km and miles spelt: ' + JSON.stringify(got));
});

addTest('miles: temperature is typed in Fahrenheit by default and stored in Celsius, with cadence and heart rate', async (ctx, page, h) => {
  await page.goto(h.base + '/');
  await page.waitForSelector('body[data-ready=yes]');
  await page.click('#nav-journal');
  await page.waitForSelector('#screen-journal:not([hidden]) #j-run-form');
  h.assert(await page.$eval('#j-run-form select[name=temp_unit]', (s) => s.value) === 'f', 'the temperature is not in Fahrenheit by default');
  await page.fill('#j-run-form input[name=distance_km]', '3');
  await page.fill('#j-run-form input[name=temperature]', '50');
  await page.fill('#j-run-form input[name=cadence_spm]', '172');
  await page.fill('#j-run-form input[name=heart_rate_bpm]', '151');
  await page.click('#j-run-form button[type=submit]');
  await waitText(page, '#j-run-status', /Run added/);
  const run = (await api(h, 'GET', '/api/runs')).body.runs.find((r) => Math.abs(r.distance_m - 3 * KM_PER_MILE * 1000) < 1);
  h.assert(run && Math.abs(run.temperature_c - 10) < 0.01 && run.cadence_spm === 172 && run.heart_rate_bpm === 151, 'stored: ' + JSON.stringify(run));
  const row = await page.textContent(`#j-runs [data-run="${run.id}"]`);
  h.assert(/50 \u00b0F/.test(row) && /172 steps\/min/.test(row) && /heart rate 151/.test(row), 'run row: ' + row);
  // Out of range in the unit typed: said in that unit, nothing stored. (The browser's own check
  // of the field's max is turned off to reach the page's.)
  const before = (await api(h, 'GET', '/api/runs')).body.runs.length;
  await page.fill('#j-run-form input[name=temperature]', '150');
  await page.$eval('#j-run-form', (f) => { f.noValidate = true; });
  await page.click('#j-run-form button[type=submit]');
  await waitText(page, '#j-run-status', /Temperature: from -76 to 140 \u00b0F/);
  h.assert((await api(h, 'GET', '/api/runs')).body.runs.length === before, 'an out-of-range temperature was stored');
});

addTest('miles: the analysis and the report speak in miles', async (ctx, page, h) => {
  // Runs over the last four weeks of the server's clock, so that the weekly figure is known.
  for (const back of [25, 20, 15, 10, 5]) { // five onsets: a usual onset distance needs 5
    const day = new Date(Date.now() - back * 86400e3).toISOString().slice(0, 10);
    const r = await api(h, 'POST', '/api/runs', { start_time: `${day}T07:00:00Z`, distance_km: 16, episode: { onset_km: 8 } });
    h.assert(r.status === 201, 'run not added');
  }
  const a = (await api(h, 'GET', '/api/analysis')).body;
  h.assert(a.findings.onset_km && /mi into the run/.test(a.findings.onset_km.evidence), 'evidence: ' + JSON.stringify(a.findings.onset_km));
  h.assert(Math.abs(a.findings.onset_km.value - 8) < 1, 'the value left km: ' + a.findings.onset_km.value);
  const svg = (await api(h, 'GET', '/api/report.svg')).body;
  h.assert(typeof svg === 'string' && svg.length > 1000, 'no figures');
  await page.goto(h.base + '/');
  await page.waitForSelector('body[data-ready=yes]');
  await page.click('#nav-trends');
  await page.waitForSelector('#screen-trends:not([hidden]) #t-findings');
  const found = await page.textContent('#t-findings');
  h.assert(/usually starts: \d+(\.\d)? mi/.test(found), 'trends finding: ' + found);
  const dl = await download(page, '#t-html');
  const html = fs.readFileSync(await dl.path(), 'utf8');
  h.assert(/ mi a week/.test(html) && !/ km a week/.test(html), 'the report\'s training is not in miles');
});

addTest('miles: the plan\'s and the help\'s kilometres have their miles beside them, the numbers stay in km', async (ctx, page, h) => {
  const body = { mode: 'runner', screens: 5, answers: { age: 42, sex: 'female', location: ['ball', 'toes_all'], side: 'both', shoe_km: 950,
    resolves_on_stopping: true, resolve_minutes: 5, weeks_since_onset: 6 } };
  const r = (await api(h, 'POST', '/api/assess/result', body)).body;
  const steps = r.plan.flatMap((p) => p.steps.map((s) => s.step));
  h.assert(steps.some((s) => /past 800 km \(500 mi\),/.test(s)), 'steps: ' + steps.filter((s) => /km/.test(s)).join(' | '));
  h.assert(r.answers.shoe_km === 950, 'answers: ' + JSON.stringify(r.answers));
  const kb = (await api(h, 'GET', '/api/kb')).body;
  const help = kb.findings.find((f) => f.id === 'shoe_km').help;
  h.assert(/30 km \(19 mi\) a week has done about 750 km \(470 mi\)/.test(help), 'help: ' + help);
});
