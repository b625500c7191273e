// What the browser test files share: polling the page for a text (waitForFunction would evaluate a
// string, which the page's CSP forbids), the JSON API with the token, and opening the journal.

// Polls the text of the first element matching sel until it matches re; returns it.
export async function waitText(page, sel, re) {
  for (let i = 0; i < 100; i++) {
    const t = await page.evaluate((s) => { const e = document.querySelector(s); return e ? e.textContent : ''; }, sel);
    if (re.test(t)) return t;
    await page.waitForTimeout(50);
  }
  throw new Error(sel + ' never matched ' + re);
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
