// Browser tests of the page's emergency words: during the interview the page says what the result
// and the terminal say ("... Do not drive yourself."), and the red banner comes as soon as the
// level is emergency, whether a warning sign or a rule on the answers set it. Loaded by
// test_app.mjs (EXTRA_TESTS).
import { addTest } from './test_app.mjs';
import { api, waitText } from './helpers.mjs';

// A calf cramp whose numbness has not gone: a rule sets emergency (acute compartment syndrome, a
// blocked artery), with no warning sign answered yes, so the interview goes on.
const RULE = { age: 45, sex: 'male', calf_cramp: true, resolves_on_stopping: false, at_rest: true, location: ['whole_sole'], side: 'one' };

addTest('emergency: /api/assess/next gives the result\'s words during the interview', async (ctx, page, h) => {
  const body = { mode: 'runner', answers: RULE, screens: 3 };
  const next = (await api(h, 'POST', '/api/assess/next', body)).body;
  const result = (await api(h, 'POST', '/api/assess/result', body)).body;
  h.assert(next.triage.level === 'emergency' && next.triage.red_flag === null && !next.triage.stop && !next.done,
    'not a rule emergency mid-interview: ' + JSON.stringify(next.triage));
  h.assert(next.triage.words === result.triage.words, 'next says "' + next.triage.words + '", the result "' + result.triage.words + '"');
  h.assert(/Do not drive yourself\./.test(next.triage.words), 'words: ' + next.triage.words);
  // A warning sign's emergency too.
  const sign = (await api(h, 'POST', '/api/assess/next', { mode: 'runner', answers: { saddle_numbness: true }, screens: 1 })).body;
  h.assert(/Do not drive yourself\./.test(sign.triage.words), 'sign words: ' + sign.triage.words);
});

addTest('emergency: a rule emergency mid-interview turns the banner red at once, in the result\'s words', async (ctx, page, h) => {
  // The page's own requests, with the rule's answers added: the server's real reply to them.
  await page.route('**/api/assess/next', (route) => {
    const b = JSON.parse(route.request().postData());
    b.answers = { ...b.answers, ...RULE };
    route.continue({ postData: JSON.stringify(b) });
  });
  try {
    await h.freshStart(page);
    h.assert(await h.waitScreen(page) === 'question', 'no first question');
    await page.waitForSelector('#banner:not([hidden])');
    const text = await waitText(page, '#banner', /Do not drive yourself\./);
    h.assert(/^Emergency: call emergency services/.test(text), 'banner says ' + text);
    h.assert(await page.$eval('#banner', (e) => e.classList.contains('emergency')), 'banner is not the emergency one');
    // The interview goes on (the rule needs no stop), under the banner.
    h.assert(await page.$eval('#screen-question', (e) => !e.hidden), 'the question screen is gone');
  } finally {
    await page.unroute('**/api/assess/next');
  }
});

addTest('emergency: an urgent warning sign answered yes is said at once in an amber banner, not only in the result', async (ctx, page, h) => {
  // Numbness not back hours after a run: urgent by itself; the interview goes on to ask what
  // would make it an emergency (a tight leg, a cold foot).
  await page.route('**/api/assess/next', (route) => {
    const b = JSON.parse(route.request().postData());
    // The first warning screen answered none, as the runner would: alone, the sign leaves the
    // emergencies at 9% (an emergency by their chance).
    b.answers = { ...b.answers, not_settled_hours: true, saddle_numbness: false, bladder_bowel: false, bilateral_weakness: false,
      acute_cold_foot: false, stroke_signs: false, sudden_one_side: false, sudden_vision_balance: false, severe_pain_after_run: false };
    route.continue({ postData: JSON.stringify(b) });
  });
  try {
    await h.freshStart(page);
    h.assert(await h.waitScreen(page) === 'question', 'no first question');
    await page.waitForSelector('#banner:not([hidden])');
    const text = await waitText(page, '#banner', /Be seen today/);
    h.assert(/^Warning sign noted/.test(text), 'banner says ' + text);
    h.assert(await page.$eval('#banner', (e) => e.classList.contains('urgent') && !e.classList.contains('emergency')),
      'banner is not the urgent one');
    h.assert(await page.$eval('#screen-question', (e) => !e.hidden), 'the question screen is gone');
  } finally {
    await page.unroute('**/api/assess/next');
  }
});

addTest('emergency: a level set by the causes\' chance says why under the headline, its parts adding up', async (ctx, page, h) => {
  // One-sided numbness of the sole and calf not going away after stopping, there at rest, after a
  // rise in training: an emergency by the chance of acute compartment syndrome and muscle
  // breakdown (no sign, no rule), whose ranking is led by sciatica.
  const CHANCE = { age: 31, sex: 'female', location: ['whole_sole', 'lower_leg'], side: 'one', resolves_on_stopping: false,
    at_rest: true, training_increase: true };
  const merge = (route) => {
    const b = JSON.parse(route.request().postData());
    b.answers = { ...b.answers, ...CHANCE };
    route.continue({ postData: JSON.stringify(b) });
  };
  await page.route('**/api/assess/next', merge);
  await page.route('**/api/assess/result', merge);
  try {
    await h.freshStart(page);
    h.assert(await h.waitScreen(page) === 'question', 'no first question');
    // The warning signs left not known (a "no" to the tense, painful leg would lower the
    // compartment syndrome below the line), then the result asked for.
    await page.click('#q-unknown');
    await page.waitForSelector('#q-fields fieldset.tri');
    await page.click('#q-unknown');
    h.assert(await h.waitScreen(page) === 'question', 'no second question');
    await page.click('#q-stop');
    h.assert(await h.waitScreen(page) === 'result', 'no result');
    const why = await waitText(page, '#r-chance', /Why: the chance of a cause that needs at least this level of care is/);
    h.assert(/Acute exertional compartment syndrome \d\.\d%/.test(why) && /others together \d\.\d%\)/.test(why) &&
      /at or above the 3% chance/.test(why), 'why: ' + why);
  } finally {
    await page.unroute('**/api/assess/next');
    await page.unroute('**/api/assess/result');
  }
});
