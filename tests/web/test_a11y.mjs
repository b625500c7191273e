// Accessibility of each main screen, checked with axe-core (WCAG 2.1 A and AA rules: labels,
// contrast, names of buttons and images, landmarks) at phone and desktop width. Loaded by
// test_app.mjs (EXTRA_TESTS) after the journal tests, so that the journal and trends screens
// have content to check.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { addTest } from './test_app.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Runs axe on the page as it is; returns its violations in words.
async function violations(page) {
  // evaluate goes through the debugging protocol, which the page's CSP does not govern; a
  // script tag would be refused.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', '));
  });
  return found;
}

async function check(page, what) {
  const problems = [];
  for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    for (const v of await violations(page)) problems.push(size.width + 'px ' + v);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  if (problems.length) throw new Error(what + ': ' + problems.join('; '));
}

addTest('accessibility: every main screen passes the WCAG 2.1 AA rules of axe-core', async (ctx, page, h) => {
  await page.goto(h.base + '/');
  await page.waitForSelector('body[data-ready=yes]');
  await check(page, 'start');
  await page.click('#start-button');
  await page.waitForSelector('#screen-question:not([hidden])');
  await check(page, 'red-flag screen');
  const before = Number(await page.evaluate(() => document.body.dataset.step));
  await page.check('#q-none');
  await page.click('#q-next');
  // Polled: waitForFunction would evaluate a string, which the page's CSP forbids.
  for (let i = 0; i < 100 && Number(await page.evaluate(() => document.body.dataset.step)) <= before; i++) await page.waitForTimeout(50);
  await check(page, 'question');
  // On to a checklist of yes, no and don't know for each item ("Don't know" to the rest).
  for (let i = 0; i < 30 && !(await page.$('#q-fields fieldset.tri')); i++) {
    const at = Number(await page.evaluate(() => document.body.dataset.step));
    await page.click('#q-unknown');
    for (let k = 0; k < 100 && Number(await page.evaluate(() => document.body.dataset.step)) <= at; k++) await page.waitForTimeout(50);
    if (await page.isVisible('#screen-result')) break;
  }
  if (!(await page.$('#q-fields fieldset.tri'))) throw new Error('no checklist of yes, no and don\'t know on the way');
  await check(page, 'checklist');
  await page.click('#q-stop');
  await page.waitForSelector('#screen-result:not([hidden])');
  await check(page, 'result');
  await page.click('#nav-journal');
  await page.waitForSelector('#screen-journal:not([hidden]) #j-run-form');
  await page.check('#j-numb');
  await check(page, 'journal');
  await page.click('#nav-trends');
  await page.waitForSelector('#screen-trends:not([hidden]) #t-pdf');
  await check(page, 'trends');
});
