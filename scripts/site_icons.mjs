// Draws the site's PNG icons (site/icon-192.png, site/icon-512.png) from site/icon.svg in Debian's
// Chromium: run after changing the SVG, from the repository root, with tests/web's packages
// installed (npm ci in tests/web). Usage: node scripts/site_icons.mjs
import { chromium } from '../tests/web/node_modules/playwright-core/index.mjs';
import fs from 'node:fs';
const svg = fs.readFileSync('site/icon.svg', 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
for (const n of [192, 512]) {
  const p = await b.newPage({ viewport: { width: n, height: n } });
  await p.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${n}" height="${n}" `)}</body></html>`);
  await p.screenshot({ path: `site/icon-${n}.png`, omitBackground: true });
}
await b.close();
