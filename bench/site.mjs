// The measurements of bench/site.sh: node bench/site.mjs SITE_URL (the site served statically).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(path.resolve('tests/web/package.json'));
const { chromium } = require('playwright-core');
const site = process.argv[2];
const runs = Number(process.env.SITE_BENCH_RUNS || 10);
const scratch = process.env.SCRATCH || '/tmp';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

function stats(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / s.length, median: q(0.5), p90: q(0.9), p99: q(0.99), max: s[s.length - 1] };
}
const ms = (x) => x.toFixed(1) + ' ms';
const us = (x) => Math.round(x * 1000) + ' µs';

// Opens the page and starts the interview: [ready since opening, Start to the first question].
async function openOnce(page) {
  await page.goto(site);
  await page.waitForSelector('body[data-ready=yes]');
  await page.click('#start-button');
  await page.waitForSelector('#screen-question:not([hidden])');
  return page.evaluate(() => [
    performance.getEntriesByName('numbfoot:ready')[0].startTime,
    performance.getEntriesByName('numbfoot:first-question')[0].duration,
    performance.getEntriesByName('numbfoot:compiled')[0].startTime,
    performance.getEntriesByName('numbfoot:kb-loaded')[0].startTime,
  ]);
}

function report(what, rows) {
  const ready = stats(rows.map((r) => r[0])), first = stats(rows.map((r) => r[1]));
  const total = stats(rows.map((r) => r[0] + r[1]));
  const compiled = stats(rows.map((r) => r[2])), kb = stats(rows.map((r) => r[3] - r[2]));
  console.log(`${what}: first question on screen ${ms(total.median)} after opening (median of ${total.n}; p90 ${ms(total.p90)}, max ${ms(total.max)}; budget 300 ms)`);
  console.log(`  page ready ${ms(ready.median)} (module compiled at ${ms(compiled.median)}, knowledge base inflated and loaded in ${ms(kb.median)}), then Start to the first question ${ms(first.median)}`);
}

async function main() {
  const wasm = fs.readFileSync('build/site/numbfoot.wasm');
  const gz = zlib.gzipSync(wasm, { level: 9 }).length;
  console.log(`numbfoot.wasm: ${wasm.length} bytes (${(wasm.length / 1024).toFixed(1)} KB; budget 400 KB), ${gz} gzipped (${(gz / 1024).toFixed(1)} KB; budget 120 KB)`);

  // First visits: the browser running, a new context each time (no cache, no service worker).
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const cold = [];
  for (let i = 0; i < runs; i++) {
    const c = await browser.newContext();
    cold.push(await openOnce(await c.newPage()));
    await c.close();
  }
  await browser.close();
  report('first visit', cold);

  const dir = fs.mkdtempSync(path.join(scratch, 'warm-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const page = ctx.pages()[0] || await ctx.newPage();
  await openOnce(page);
  for (let i = 0; i < 50 && !(await page.evaluate(() => !!navigator.serviceWorker.controller)); i++) await page.waitForTimeout(50);
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push(await openOnce(page));
  report('return visit (files from the service worker)', warm);

  // The engine's step: every interview of cases/ played through numbfoot.next as the terminal's
  // simulated person answers (eval --interview). Each step is repeated and averaged, as the
  // browser's clock is coarse (0.1 ms) for a page that is not cross-origin isolated.
  const cases = fs.readdirSync('cases').filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join('cases', f), 'utf8')));
  const steps = await page.evaluate((cases) => {
    const out = [];
    const REPEAT = 20;
    for (const c of cases) {
      const answers = {};
      for (let screens = 0; screens <= 25; screens++) {
        const rq = { mode: c.mode, answers, screens };
        const t0 = performance.now();
        let r;
        for (let k = 0; k < REPEAT; k++) r = window.numbfoot.next(rq);
        out.push((performance.now() - t0) / REPEAT);
        if (r.done) break;
        for (const id of r.question.findings) answers[id] = id in c.answers ? c.answers[id] : null;
      }
    }
    return out;
  }, cases);
  const s = stats(steps);
  console.log(`engine step (numbfoot.next, ${s.n} steps of ${cases.length} interviews): mean ${us(s.mean)}, median ${us(s.median)}, p99 ${us(s.p99)}, max ${us(s.max)} (budget 1 ms)`);

  // The page's step: answers given through the page, from the answer to the next screen on show.
  const laces = JSON.parse(fs.readFileSync('cases/shoe-race-day-laces-man.json', 'utf8')).answers;
  const pageSteps = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(site);
    await page.waitForSelector('body[data-ready=yes]');
    await page.click('#start-button');
    while (await page.isVisible('#screen-question')) {
      const before = await page.evaluate(() => document.body.dataset.step);
      const ids = await page.$$eval('#q-fields input:not(#q-none)', (ins) => [...new Set(ins.map((x) => x.name))]);
      const known = ids.filter((id) => id in laces && laces[id] !== null);
      if (!known.length) await page.click('#q-unknown');
      else {
        for (const id of known) {
          const v = laces[id];
          if (typeof v === 'number') await page.fill(`input[name="${id}"]`, String(v));
          else if (v === true && ids.length > 1) await page.check(`#q-fields input[name="${id}"]`);
          else if (typeof v === 'boolean') await page.check(`input[name="${id}"][value=${v ? 'yes' : 'no'}]`);
          else for (const x of [].concat(v)) await page.check(`input[name="${id}"][value="${x}"]`);
        }
        if (ids.length > 1 && !known.some((id) => laces[id] === true) && await page.$('#q-none')) await page.check('#q-none');
        await page.click('#q-next');
      }
      for (let k = 0; k < 200 && await page.evaluate(() => document.body.dataset.step) === before; k++) await page.waitForTimeout(10);
    }
    pageSteps.push(...await page.evaluate(() => performance.getEntriesByName('numbfoot:step').map((e) => e.duration)));
  }
  const p = stats(pageSteps);
  console.log(`page step (an answer to the next screen on show, ${p.n} steps): mean ${ms(p.mean)}, median ${ms(p.median)}, p99 ${ms(p.p99)}, max ${ms(p.max)}`);
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => { console.log('site bench failed: ' + e.stack); process.exit(1); });
