// Browser tests of a checklist other than the warning signs: each item yes, no or don't know, so
// that ticking only "smoker" no longer records the others as "no"; "No to the rest" gives the
// terminal's "2" (yes to the second item, no to the rest) and "Don't know" its "?", checked against
// the terminal itself (NUMBFOOT, set by run.sh) driven through the same screens. Loaded by
// test_app.mjs (EXTRA_TESTS).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addTest } from './test_app.mjs';

const HISTORY = ['diabetes', 'smoker', 'heavy_alcohol', 'b12_risk', 'prior_back_trouble', 'ankle_sprain_history', 'cyclist'];

// From a fresh start to the history checklist: "None of these" on the warning signs, "Don't know"
// to every other screen. Returns how many screens were answered "Don't know" on the way, and every
// request body the page sent from then on lands in sent.
async function toHistory(page, h, sent) {
  page.removeAllListeners('request');
  page.on('request', (r) => { if (r.url().endsWith('/api/assess/next')) sent.push(JSON.parse(r.postData())); });
  await h.freshStart(page);
  let unknown = 0;
  for (let n = 0; n < 30; n++) {
    h.assert(await h.waitScreen(page) === 'question', 'the interview ended before the history checklist');
    if (await page.$('#q-fields input[name=smoker]')) return unknown;
    if (await page.$('#q-none')) {
      await page.check('#q-none');
      await page.click('#q-next');
    } else {
      await page.click('#q-unknown');
      unknown++;
    }
  }
  throw new Error('no history checklist in 30 screens');
}

// The terminal through the same screens, then `input` on the history checklist; its saved answers.
function terminal(unknown, input) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numbfoot-checklist-'));
  try {
    const db = path.join(dir, 'journal.db');
    const env = { ...process.env, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir, HOME: dir };
    const lines = '0\n0\n' + '?\n'.repeat(unknown) + input + '\nq\n';
    const run = spawnSync(process.env.NUMBFOOT, ['assess', '--db', db], { input: lines, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error('assess: ' + run.stderr);
    const title = (run.stdout.match(/\] question \d+ of about \d+\n([^\n]*)\n {2}1\. [^\n]*diabetes/i) || [])[1];
    if (!/apply to you/.test(title || '')) throw new Error('the terminal was not on the history checklist: ' + run.stdout.slice(-600));
    const show = spawnSync(process.env.NUMBFOOT, ['assessment', 'show', '1', '--json', '--db', db], { env, encoding: 'utf8' });
    if (show.status !== 0) throw new Error('assessment show: ' + show.stderr);
    const answers = JSON.parse(show.stdout).result.answers;
    return Object.fromEntries(HISTORY.map((id) => [id, id in answers ? answers[id] : 'absent']));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const pick = (answers) => Object.fromEntries(HISTORY.map((id) => [id, id in answers ? answers[id] : 'absent']));

addTest('checklist: each item is yes, no or don\'t know; "smoker" alone leaves the others unknown, as the terminal would not', async (ctx, page, h) => {
  h.assert(process.env.NUMBFOOT, 'NUMBFOOT (the binary) is not set');
  const sent = [];
  const unknown = await toHistory(page, h, sent);
  // Each item a group of three, named by its question, starting at "Don't know".
  const groups = await page.$$eval('#q-fields fieldset.tri', (fs) => fs.map((f) => ({
    legend: f.querySelector('legend').textContent,
    choices: [...f.querySelectorAll('input')].map((i) => i.value + (i.checked ? '*' : '') + ':' + i.closest('label').textContent),
  })));
  h.assert(groups.length === HISTORY.length, 'items: ' + groups.length);
  for (const g of groups) {
    h.assert(g.legend.length > 10, 'an item without its question: ' + JSON.stringify(g));
    h.assert(g.choices.join('|') === "yes:Yes|no:No|unknown*:Don't know", 'choices: ' + g.choices.join('|'));
  }
  await h.shot(page, 'question-checklist');

  // Yes to smoker alone: the others are sent as don't know (null), never as no.
  await page.check('#q-fields input[name=smoker][value=yes]');
  sent.length = 0;
  await page.click('#q-next');
  h.assert(await h.waitScreen(page) !== 'other', 'no screen after the checklist');
  const alone = pick(sent[0].answers);
  h.assert(JSON.stringify(alone) === JSON.stringify({ ...Object.fromEntries(HISTORY.map((id) => [id, null])), smoker: true }),
    'yes to smoker alone sent ' + JSON.stringify(alone));

  // Back: smoker is still yes; "No to the rest" then gives what the terminal's "2" records.
  await page.click('#q-back');
  h.assert(await h.waitScreen(page) === 'question', 'back did not show the checklist');
  h.assert(await page.isChecked('#q-fields input[name=smoker][value=yes]'), 'the earlier yes was not kept');
  h.assert(await page.isChecked('#q-fields input[name=diabetes][value=unknown]'), 'an item answered don\'t know came back otherwise');
  await page.click('#q-rest-no');
  h.assert(await page.isChecked('#q-fields input[name=diabetes][value=no]'), '"No to the rest" left diabetes unanswered');
  h.assert(await page.isChecked('#q-fields input[name=smoker][value=yes]'), '"No to the rest" changed the yes');
  sent.length = 0;
  await page.click('#q-next');
  await h.waitScreen(page);
  const page2 = pick(sent[0].answers), term2 = terminal(unknown, '2');
  h.assert(JSON.stringify(page2) === JSON.stringify(term2), 'the page sent ' + JSON.stringify(page2) + ', the terminal recorded ' + JSON.stringify(term2));

  // "Don't know" on the whole screen is the terminal's "?".
  await page.click('#q-back');
  await h.waitScreen(page);
  sent.length = 0;
  await page.click('#q-unknown');
  await h.waitScreen(page);
  const pageQ = pick(sent[0].answers), termQ = terminal(unknown, '?');
  h.assert(JSON.stringify(pageQ) === JSON.stringify(termQ), 'the page sent ' + JSON.stringify(pageQ) + ', the terminal recorded ' + JSON.stringify(termQ));
  page.removeAllListeners('request');
});

addTest('checklist: the progress says "Question N of about M" and the bar is never full before the end', async (ctx, page, h) => {
  await h.freshStart(page);
  let n = 0;
  for (let what; (what = await h.waitScreen(page)) === 'question' && n < 40; n++) {
    // The estimate comes a moment after the question.
    let text = '';
    for (let i = 0; i < 100 && !/of about/.test(text); i++) {
      text = await page.textContent('#progress-text');
      if (!/of about/.test(text)) await page.waitForTimeout(30);
    }
    const m = /^Question (\d+) of about (\d+)/.exec(text);
    h.assert(m && Number(m[1]) === n + 1 && Number(m[2]) >= n + 1, 'progress text: ' + text);
    const fill = await page.$eval('#progress-fill', (e) => parseFloat(e.style.width));
    h.assert(fill < 100, 'the bar is full at question ' + (n + 1));
    if (await page.$('#q-none')) {
      await page.check('#q-none');
      await page.click('#q-next');
    } else {
      await page.click('#q-unknown');
    }
  }
  h.assert(n >= 5, 'only ' + n + ' screens');
});
