// Browser tests of the interview's safety when it is stopped, gone back over or reloaded: no level
// before any answer, the emergency banner as long as the answers that set it stand (and its reason,
// not a less urgent sign's timing), and the interview kept in the tab's sessionStorage through a
// reload and the browser's Back. Loaded by test_app.mjs (EXTRA_TESTS).
import { addTest } from './test_app.mjs';
import { waitText } from './helpers.mjs';

// A runner whose foot has stayed numb for hours and is cold and pale: no emergency warning sign is
// ticked, but a rule on the two answers calls for emergency care (a blocked artery).
const COLD = {
  not_settled_hours: true, foot_cold_pale: true, resolves_on_stopping: false, at_rest: true, location: ['whole_foot'],
  side: 'one', age: 58, sex: 'male',
};

const bannerShown = (page) => page.$eval('#banner', (b) => !b.hidden && b.classList.contains('emergency'));

// Answers the screen on show from answers: a warning-sign screen ticks those true (else "None of
// these"), a checklist sets each item (else "Don't know"), one question its answer or "Don't know".
async function answerScreen(page, answers) {
  const ids = await page.$$eval('#q-fields input', (ins) => [...new Set(ins.map((i) => i.name))].filter((n) => n !== 'none-of-these'));
  if (await page.$('#q-none')) {
    const yes = ids.filter((id) => answers[id] === true);
    for (const id of yes) await page.check(`#q-fields input[name="${id}"]`);
    if (!yes.length) await page.check('#q-none');
    return page.click('#q-next');
  }
  if (await page.$('#q-fields fieldset.tri')) {
    for (const id of ids) {
      const v = answers[id] === true ? 'yes' : answers[id] === false ? 'no' : 'unknown';
      await page.check(`#q-fields input[name="${id}"][value=${v}]`);
    }
    return page.click('#q-next');
  }
  const id = ids[0], v = answers[id];
  if (v === undefined || v === null) return page.click('#q-unknown');
  if (v === true || v === false) await page.check(`#q-fields input[name="${id}"][value=${v ? 'yes' : 'no'}]`);
  else if (typeof v === 'number') await page.fill(`#q-fields input[name="${id}"]`, String(v));
  else if (Array.isArray(v)) for (const x of v) await page.check(`#q-fields input[name="${id}"][value="${x}"]`);
  else await page.check(`#q-fields input[name="${id}"][value="${v}"]`);
  return page.click('#q-next');
}

// Answers screens from answers until the banner turns red (a rule on the answers so far); returns
// how many screens that took.
async function untilEmergency(page, h, answers) {
  for (let n = 1; n <= 12; n++) {
    await answerScreen(page, answers);
    h.assert(await h.waitScreen(page) === 'question', 'the interview ended at screen ' + n + ' without the banner');
    if (await bannerShown(page)) return n;
  }
  throw new Error('no emergency after 12 screens');
}

addTest('"Stop and see the result" before any answer gives no level, ranking or plan, and nothing to save', async (ctx, page, h) => {
  // The launch address, so that this file runs on its own too.
  await page.goto(h.base + '/#token=' + h.token);
  await page.waitForSelector('body[data-ready=yes]');
  await h.freshStart(page);
  h.assert(await h.waitScreen(page) === 'question', 'no first question');
  await page.click('#q-stop');
  h.assert(await h.waitScreen(page) === 'other', 'a result screen came');
  const text = await page.textContent('#screen-nothing');
  h.assert(/nothing to assess yet/.test(text), 'the screen says ' + text);
  h.assert(/If you have sudden weakness, a cold pale foot, numbness between\s+the legs or trouble passing urine, get emergency care now\./.test(text),
    'no emergency line: ' + text);
  for (const sel of ['#screen-result', '#r-save', '#r-triage', '#r-causes', '#r-plan']) {
    h.assert(!(await page.isVisible(sel)), sel + ' is on show');
  }
  h.assert(!(await bannerShown(page)), 'the banner is red');
  // Back to the questions: the first screen again, nothing lost.
  await page.click('#n-back');
  h.assert(await h.waitScreen(page) === 'question', 'not back at the questions');
  h.assert(/warning signs/.test(await page.textContent('#progress-text')), 'not the warning signs');
});

addTest('a result stopped early says saving will keep it not finished, not that it was saved', async (ctx, page, h) => {
  await h.freshStart(page);
  h.assert(await h.waitScreen(page) === 'question', 'no first question');
  await answerScreen(page, {});
  h.assert(await h.waitScreen(page) === 'question', 'no second screen');
  await page.click('#q-stop');
  h.assert(await h.waitScreen(page) === 'result', 'no result');
  const t = await page.textContent('#r-unfinished');
  h.assert(/Saving keeps it marked not finished/.test(t) && !/Saved, it is/.test(t), 'r-unfinished says ' + t);
});

addTest('emergency: the banner names the answers a rule took, not the urgent sign\'s 48 hours, and "See what to do now" leads', async (ctx, page, h) => {
  await h.freshStart(page);
  h.assert(await h.waitScreen(page) === 'question', 'no first question');
  await untilEmergency(page, h, COLD);
  const text = await page.textContent('#banner');
  h.assert(/Do not drive yourself\./.test(text), 'banner: ' + text);
  h.assert(!/48 hours/.test(text), 'the banner gives a less urgent timing: ' + text);
  const why = await page.textContent('#banner-why');
  h.assert(/cold or pale[^;]*: yes/.test(why) && /hours later: yes/.test(why), 'the reason: ' + why);
  const stop = await page.$eval('#q-stop', (b) => [b.textContent, b.className, b.parentNode.firstElementChild === b]);
  h.assert(stop[0] === 'See what to do now' && stop[1] === 'primary' && stop[2], 'the stop button: ' + stop.join(' '));
  h.assert(!(await page.$eval('#q-next', (b) => b.classList.contains('primary'))), 'Next is still the main action');
  await page.click('#q-stop');
  h.assert(await h.waitScreen(page) === 'result', 'no result');
  h.assert(await bannerShown(page), 'no banner on the result');
  h.assert(!/48 hours/.test(await page.textContent('#banner')), 'the result\'s banner gives 48 hours');
  h.assert(!(await page.$('#r-open-signs-urgent')), 'urgent signs named under an emergency: ' +
    await page.textContent('#r-triage'));
  h.assert(/cold or pale[^;]*: yes/.test(await page.textContent('#r-rule')), 'no reason on the result');
});

addTest('emergency: Back and "Change my answers" keep the banner while the answer that set it stands', async (ctx, page, h) => {
  // A rule's emergency, then the page's Back: the screen comes back with its answer chosen.
  await h.freshStart(page);
  h.assert(await h.waitScreen(page) === 'question', 'no first question');
  await untilEmergency(page, h, COLD);
  await page.click('#q-back');
  h.assert(await h.waitScreen(page) === 'question', 'Back left the questions');
  const chosen = await page.$$eval('#q-fields input:checked', (x) => x.map((i) => i.name + '=' + i.value));
  h.assert(chosen.length > 0, 'the screen came back without its answer');
  h.assert(await bannerShown(page), 'Back hid the banner with ' + chosen.join(', ') + ' still chosen');
  // An emergency warning sign, then "Change my answers" on its result.
  await h.freshStart(page);
  h.assert(await h.waitScreen(page) === 'question', 'no first question');
  await page.check('#q-fields input[name="acute_cold_foot"]');
  await page.click('#q-next');
  h.assert(await h.waitScreen(page) === 'result', 'the sign did not end the interview');
  h.assert(await bannerShown(page), 'no banner on the result');
  await page.click('#r-back');
  h.assert(await h.waitScreen(page) === 'question', 'not back at the questions');
  h.assert(await page.isChecked('#q-fields input[name="acute_cold_foot"]'), 'the sign is no longer ticked');
  h.assert(await bannerShown(page), '"Change my answers" hid the banner with the sign still ticked');
  await waitText(page, '#banner', /cold, pale or blue foot|limb|blood supply|foot/);
  // Changed, the answer no longer stands, and the banner goes.
  await page.check('#q-none');
  await page.click('#q-next');
  h.assert(await h.waitScreen(page) === 'question', 'no second screen');
  h.assert(!(await bannerShown(page)), 'the banner stayed after the sign was taken back');
});

addTest('a reload keeps the interview and an emergency result; the browser\'s Back goes to the previous question', async (ctx, page, h) => {
  await h.freshStart(page);
  h.assert(await h.waitScreen(page) === 'question', 'no first question');
  await answerScreen(page, {}); // none of the first warning signs
  h.assert(await h.waitScreen(page) === 'question', 'no second screen');
  const second = await page.textContent('#q-title');
  await answerScreen(page, {});
  h.assert(await h.waitScreen(page) === 'question', 'no third screen');
  const third = await page.textContent('#q-title');
  // Reload: the same screen, with its place in the interview.
  await page.reload();
  await page.waitForSelector('body[data-ready=yes]');
  h.assert(await page.isVisible('#screen-question'), 'the reload left the questions');
  h.assert(await page.textContent('#q-title') === third, 'after the reload: ' + await page.textContent('#q-title'));
  h.assert(/^Question 3/.test(await page.textContent('#progress-text')), 'progress: ' + await page.textContent('#progress-text'));
  // Kept for the tab only: nothing of it in localStorage.
  const stores = await page.evaluate(() => [sessionStorage.getItem('numbfoot-interview'), JSON.stringify(localStorage)]);
  h.assert(stores[0] && /acute_cold_foot/.test(stores[0]), 'sessionStorage holds ' + stores[0]);
  h.assert(!/acute_cold_foot|answers/.test(stores[1]), 'localStorage holds ' + stores[1]);
  // The browser's Back (a phone's back gesture): the screen before, its answer still chosen.
  await page.goBack();
  await waitText(page, '#q-title', new RegExp('^' + second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$'));
  h.assert(await page.isVisible('#screen-question'), 'Back left the questions');
  h.assert(page.url().startsWith(h.base), 'Back left the page: ' + page.url());
  h.assert(await page.isChecked('#q-none'), 'the screen came back without its answer');
  // An emergency result survives a reload, banner and all.
  await h.freshStart(page);
  h.assert(await h.waitScreen(page) === 'question', 'no first question');
  await page.check('#q-fields input[name="acute_cold_foot"]');
  await page.click('#q-next');
  h.assert(await h.waitScreen(page) === 'result', 'no result');
  await page.reload();
  await page.waitForSelector('body[data-ready=yes]');
  h.assert(await page.isVisible('#screen-result'), 'the reload left the result');
  h.assert(await bannerShown(page), 'the reload lost the emergency banner');
  h.assert(/Do not drive yourself/.test(await page.textContent('#banner')), 'banner: ' + await page.textContent('#banner'));
  h.assert(/^Emergency/.test(await page.textContent('#r-triage')), 'triage: ' + await page.textContent('#r-triage'));
  // Starting over forgets it.
  await page.click('#r-again');
  await page.waitForSelector('#screen-start:not([hidden])');
  h.assert(await page.evaluate(() => sessionStorage.getItem('numbfoot-interview')) === null, 'Start again kept the interview');
  h.assert(!(await bannerShown(page)), 'the banner stayed after Start again');
  await page.reload();
  await page.waitForSelector('body[data-ready=yes]');
  h.assert(await page.isVisible('#screen-start'), 'a reload after Start again brought the interview back');
});

addTest('a kept interview the server no longer takes is forgotten, not refused at every load', async (ctx, page, h) => {
  await h.freshStart(page);
  h.assert(await h.waitScreen(page) === 'question', 'no first question');
  // As a knowledge base without this finding would see it.
  await page.evaluate(() => sessionStorage.setItem('numbfoot-interview', JSON.stringify({
    mode: 'runner', answers: { no_such_finding: true }, remembered: {}, history: [], derived: {},
    miles: false, stopped: false, screen: 'question' })));
  await page.reload();
  await page.waitForSelector('body[data-ready=yes]');
  h.assert(await page.isVisible('#screen-start'), 'not the start screen');
  await waitText(page, '#notice', /no_such_finding/);
  h.assert(await page.evaluate(() => sessionStorage.getItem('numbfoot-interview')) === null, 'the interview is still kept');
});
