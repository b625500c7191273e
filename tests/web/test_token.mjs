// Browser tests of how the token travels: never in a cookie, which every port of 127.0.0.1 shares.
// A second, logging server on another port of 127.0.0.1 stands for any other local server: it
// must never receive the token, and the cookie it plants under the old name must not lock the
// runner out. Then the page without a valid token says so on its first screen, a wrong token in
// the address does not replace a good one, and a new tab keeps working. Loaded by test_app.mjs
// (EXTRA_TESTS), last: it empties and refills the page's storage.
import http from 'node:http';
import { addTest } from './test_app.mjs';
import { waitText } from './helpers.mjs';

// A server on a free port of 127.0.0.1 that logs every request's headers and answers with a page
// that sets cookies named like numbfoot's old one, for every path.
async function loggingServer(plant) {
  const seen = [];
  const srv = http.createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    res.writeHead(200, {
      'Content-Type': 'text/html',
      'Set-Cookie': [`nf_token=${plant}; Path=/`, `nf_token=${plant}; Path=/api`, `X-Numbfoot-Token=${plant}; Path=/`],
    });
    res.end('<!doctype html><title>another server</title><p>another server on 127.0.0.1');
  });
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  return { srv, seen, base: `http://127.0.0.1:${srv.address().port}` };
}

async function ready(page) {
  for (let i = 0; i < 100; i++) {
    // A navigation under way destroys the page's context: then it is not ready yet.
    const r = await page.evaluate(() => document.body.dataset.ready || '').catch(() => '');
    if (r) return r;
    await page.waitForTimeout(50);
  }
  throw new Error('the page never finished starting');
}

addTest('token: another server on 127.0.0.1 gets no token, and its nf_token cookie locks nobody out', async (ctx, page, h) => {
  const planted = 'f'.repeat(64);
  const other = await loggingServer(planted);
  try {
    // The page from numbfoot's own address, used: its API calls carry the token.
    await page.goto('about:blank');
    await page.goto(h.base + '/#token=' + h.token);
    h.assert(await ready(page) === 'yes', 'the page did not start with its token');
    await page.click('#start-button');
    await page.waitForSelector('#screen-question:not([hidden])');
    // Then to the other server, by navigation, and by a script there asking it again.
    await page.goto(other.base + '/after-numbfoot');
    await page.evaluate(async () => { await fetch('/from-its-page', { credentials: 'include' }); });
    await page.goto(other.base + '/again');
    h.assert(other.seen.length >= 3, 'the other server saw ' + other.seen.length + ' requests');
    for (const r of other.seen) {
      const all = JSON.stringify(r.headers);
      h.assert(!all.includes(h.token), 'the other server received the token on ' + r.url + ': ' + all);
      h.assert(!('x-numbfoot-token' in r.headers), 'the other server received X-Numbfoot-Token on ' + r.url);
    }
    // The other server planted its cookies for all of 127.0.0.1; numbfoot's page works on.
    const jar = await ctx.cookies(h.base);
    h.assert(jar.some((c) => c.name === 'nf_token' && c.value === planted), 'the planted cookie is not in the jar, so this test shows nothing');
    await page.goto(h.base + '/');
    h.assert(await ready(page) === 'yes', 'a planted nf_token cookie locked the page out');
    await page.click('#start-button');
    await page.waitForSelector('#screen-question:not([hidden])');
    await page.click('#nav-journal');
    await page.waitForSelector('#screen-journal:not([hidden]) #j-run-form');
  } finally {
    await ctx.clearCookies();
    other.srv.closeAllConnections();
    await new Promise((ok) => other.srv.close(ok));
  }
});

addTest('token: a wrong token in the address does not replace the good one; a new tab keeps working', async (ctx, page, h) => {
  await page.goto('about:blank');
  await page.goto(h.base + '/#token=' + '0'.repeat(64));
  h.assert(await ready(page) === 'yes', 'a wrong token in the address locked the page out');
  h.assert(page.url() === h.base + '/', 'the address bar still shows ' + page.url());
  const kept = await page.evaluate(() => localStorage.getItem('numbfoot-token'));
  h.assert(kept === h.token, 'storage now holds ' + kept);
  const tab = await ctx.newPage();
  try {
    await tab.goto(h.base + '/');
    h.assert(await ready(tab) === 'yes', 'a new tab of the same server did not start');
    await tab.click('#start-button');
    await tab.waitForSelector('#screen-question:not([hidden])');
  } finally {
    await tab.close();
  }
  // The next launch's address pasted into the open tab changes only the fragment: the page
  // reloads and takes the token.
  await page.evaluate(() => { localStorage.clear(); window.beforeTheNewAddress = true; });
  await page.goto(h.base + '/#token=' + h.token);
  let taken = false;
  for (let i = 0; i < 100 && !taken; i++) {
    taken = await page.evaluate(() => !window.beforeTheNewAddress && document.body.dataset.ready === 'yes' &&
      localStorage.getItem('numbfoot-token') !== null).catch(() => false);
    if (!taken) await page.waitForTimeout(50);
  }
  h.assert(taken, 'the open page did not take the token of a new address');
  h.assert(await page.evaluate(() => localStorage.getItem('numbfoot-token')) === h.token, 'the token stored is not the new one');
  h.assert(page.url() === h.base + '/', 'the address bar still shows ' + page.url());
});

addTest('token: without a valid token the first screen says what to do', async (ctx, page, h) => {
  try {
    for (const stale of [null, 'e'.repeat(64)]) {
      // A bookmark with nothing stored, and one with a token from an earlier launch.
      await page.goto('about:blank');
      await page.goto(h.base + '/');
      await ready(page); // its check of the stored token is over before the storage changes
      await page.evaluate((t) => { if (t) localStorage.setItem('numbfoot-token', t); else localStorage.clear(); }, stale);
      await page.reload();
      h.assert(await ready(page) === 'no-token', 'the page started without a valid token');
      const says = await waitText(page, '#notice', /numbfoot serve/);
      h.assert(/open the address it prints/.test(says), 'the notice says ' + says);
      h.assert(await page.isVisible('#notice') && await page.isVisible('#screen-start'), 'the notice is not on the first screen');
      h.assert(await page.isDisabled('#start-button'), 'Start can still be pressed');
      h.assert(await page.evaluate(() => localStorage.getItem('numbfoot-token')) === null, 'the stale token is kept');
      if (!stale) await h.shot(page, 'no-token');
    }
  } finally {
    // The launch address again, for whatever runs next.
    await page.goto('about:blank');
    await page.goto(h.base + '/#token=' + h.token);
    await ready(page);
  }
});
