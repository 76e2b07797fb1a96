import { chromium } from 'playwright-core';
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path';
const root = 'dist';
const srv = http.createServer((req, res) => { let p = decodeURIComponent(new URL(req.url, 'http://x').pathname); let f = path.join(root, p); if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html'); if (!fs.existsSync(f)) { res.statusCode = 404; return res.end(); } const ext = path.extname(f); res.setHeader('content-type', {'.html':'text/html','.js':'text/javascript','.css':'text/css','.svg':'image/svg+xml','.json':'application/json','.woff2':'font/woff2'}[ext] ?? 'application/octet-stream'); res.end(fs.readFileSync(f)); }).listen(0);
const port = srv.address().port;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const pg = await b.newPage();
pg.on('console', (m) => console.log('console', m.type(), m.text()));
pg.on('pageerror', (e) => console.log('pageerror', e.message, e.stack));
await pg.goto(`http://localhost:${port}/${process.argv[2]}`);
const w = pg.locator('.widget').nth(Number(process.argv[3] ?? 0));
await pg.waitForTimeout(3000);
const snap = () => w.evaluate((el) => { const c = el.cloneNode(true); c.querySelectorAll('input, select, button, textarea').forEach((x) => x.remove()); return c.innerHTML; });
const status = () => w.evaluate((el) => el.querySelector('[role=status]')?.textContent);
const controls = [...await w.locator('input:is([type=range],[type=number],[type=checkbox],[type=radio]):not([data-test-inert])').all(), ...await w.locator('select:not([data-test-inert])').all(), ...await w.locator('button:not([type=submit]):not([data-test-inert])').all()];
for (const c of controls) {
  if (!(await c.isVisible()) || !(await c.isEnabled())) continue;
  const desc = await c.evaluate((el) => el.tagName + '#' + el.id + ' ' + (el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)));
  const before = await snap();
  const kind = await c.evaluate((el) => (el.tagName === 'INPUT' ? el.type : el.tagName.toLowerCase()));
  let what = '';
  if (kind === 'range' || kind === 'number') { const next = await c.evaluate((el) => { const min = Number(el.min), max = Number(el.max), v = Number(el.value); return String(Math.abs(max - v) >= Math.abs(v - min) ? max : min); }); what = next; await c.fill(next); }
  else if (kind === 'select') { const values = await c.evaluate((el) => [...el.options].filter((o) => !o.disabled).map((o) => o.value)); const cur = await c.inputValue(); const o = values.find((v) => v !== cur); what = cur + '→' + o; await c.selectOption(o); }
  else if (kind === 'checkbox' || kind === 'radio') await c.click(); else await c.click();
  await pg.waitForTimeout(2500);
  const after = await snap();
  console.log(desc, what, after === before ? 'SAME' : 'changed', '|', await status());
}
await b.close(); srv.close();
