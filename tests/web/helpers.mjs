// What the browser test files share: polling the page for a text (waitForFunction would evaluate a
// string, which the page's CSP forbids), the JSON API with the token, opening the journal, and
// (with the offline site's tests) the warning-sign screen answered "not sure".

// Polls the text of the first element matching sel until it matches re; returns it.
export async function waitText(page, sel, re) {
  for (let i = 0; i < 100; i++) {
    const t = await page.evaluate((s) => { const e = document.querySelector(s); return e ? e.textContent : ''; }, sel);
    if (re.test(t)) return t;
    await page.waitForTimeout(50);
  }
  throw new Error(sel + ' never matched ' + re);
}

// Clicks sel and waits for the download it starts. The report is drawn (figures with cairo, the PDF
// with pango) when it is asked for: under the sanitizers that takes far longer than the default 30
// seconds, so the wait is 3 minutes.
export async function download(page, sel) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 180000 }), page.click(sel)]);
  return dl;
}

// One API request with the token header; a JSON answer comes back parsed, anything else as text.
export async function api(h, method, p, body) {
  const headers = { Host: `127.0.0.1:${h.port}`, 'X-Numbfoot-Token': h.token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await h.raw(method, p, headers, body === undefined ? undefined : JSON.stringify(body));
  const json = (r.headers['content-type'] || '').startsWith('application/json');
  return { status: r.status, headers: r.headers, body: json && r.body ? JSON.parse(r.body) : r.body };
}

export async function openJournal(page, h) {
  await page.goto(h.base + '/');
  await page.waitForSelector('body[data-ready=yes]');
  await page.click('#nav-journal');
  await page.waitForSelector('#screen-journal:not([hidden]) #j-run-form');
}

// "Don't know" on the first warning-sign screen turns it into each sign's yes, no or don't know;
// answered no to all but weakness in both legs (left unknown), "None of these" on the second
// screen, and the interview stopped: the open signs name that one sign only. Run on a fresh
// interview's first screen by the served page's and the offline site's tests; waitScreen(page)
// waits for the next screen and says which it is.
export async function unsureAboutOneSign(page, waitScreen) {
  const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
  assert(await waitScreen(page) === 'question', 'no first question');
  const ids = await page.$$eval('#q-fields input:not(#q-none)', (ins) => [...new Set(ins.map((x) => x.name))]);
  await page.click('#q-unknown');
  // The same screen, now each sign yes, no or don't know.
  await page.waitForSelector('#q-fields fieldset.tri');
  const tri = await page.$$eval('#q-fields fieldset.tri input[value=unknown]', (x) => x.map((i) => i.name));
  assert(JSON.stringify(tri) === JSON.stringify(ids), 'each sign not asked: ' + tri.join(','));
  for (const id of ids) await page.check(`#q-fields input[name="${id}"][value=${id === 'bilateral_weakness' ? 'unknown' : 'no'}]`);
  await page.click('#q-next');
  assert(await waitScreen(page) === 'question', 'no second warning screen');
  await page.check('#q-none');
  await page.click('#q-next');
  assert(await waitScreen(page) === 'question', 'the interview stopped');
  await page.click('#q-stop');
  assert(await waitScreen(page) === 'result', 'no result');
  const open = await page.textContent('#r-open-signs');
  assert(/weakness in both legs/.test(open) && !/between the legs/.test(open) && !/cola-coloured/.test(open), 'open signs: ' + open);
}
