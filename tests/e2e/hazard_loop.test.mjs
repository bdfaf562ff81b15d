#!/usr/bin/env node
// End-to-end check of the hidden-hazard loop (隐患闭环) across users, in Debian's headless Chromium:
//  (a) without signing in, open #/tip, describe a hazard, click its place in 和平街道 on the map,
//      send it, read the tracking code, and attach a photo;
//  (b) as `street` (和平街道安全员) find the new hazard by its code with the list's text filter (and
//      its dot on the list's map in the 待受理 colour), accept it (sector hazchem_mining) and assign
//      it to 安澜精细化工有限公司 with a deadline five days ahead; see it on the board in the 已交办
//      column; sign out;
//  (c) as `enterprise` start the work, upload a photo as evidence and submit it; sign out;
//  (d) as `inspector` verify it: 已销号;
//  (e) signed out again, look the tip up at #/tip/track: 已销号 with its dated steps.
// Every step waits for the API answer and checks the UI.
//
//   CITYSAFE_URL=http://127.0.0.1:18080 node tests/e2e/hazard_loop.test.mjs
// Env: CITYSAFE_URL (required), CITYSAFE_SCREENSHOT (default /tmp/citysafe-hazard-loop.png; the tip
//      receipt goes beside it as *-tip.png), CHROMIUM.
import { deflateSync } from 'node:zlib';
import { BASE_URL, apiAnswer, expectOk, runBrowserTest, step, submitLogin, text } from './browser.mjs';

const SCREENSHOT = process.env.CITYSAFE_SCREENSHOT || '/tmp/citysafe-hazard-loop.png';
const TIP_SCREENSHOT = SCREENSHOT.replace(/(\.png)?$/, '-tip.png');
/** Inside 和平街道: the north-west quadrant of the demo district (centre 120.155, 30.315). */
const HEPING = { lon: 120.1425, lat: 30.3258 };
const SECTOR = 'hazchem_mining';
/** The colour of 待受理 on the map (STATE_HEX.reported in web/src/pages/hazards/hazard-model.ts). */
const REPORTED_HEX = '#b7791f';
const MAP_READY_TIMEOUT_MS = 45_000;
const ENTERPRISE = '安澜精细化工有限公司';
const USERS = {
  street: 'demo-street-2026',
  enterprise: 'demo-enterprise-2026',
  inspector: 'demo-inspector-2026',
};

// ---- a small valid PNG, made here (no fixture files) ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** A 64×48 RGB PNG: a green field with a diagonal stripe, so the thumbnail is not blank. */
function makePng(width = 64, height = 48) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const stripe = Math.abs(x - y) < 5;
      raw.set(stripe ? [220, 40, 40] : [40, 160, 90], row + 1 + x * 3);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// ---- helpers ----

/** Today plus `days` in Beijing, YYYY-MM-DD. */
function beijingDay(days) {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function signInAs(page, username, hash) {
  await step(`open ${hash} signed out: the login page, with the tip links`, async () => {
    await page.goto(`${BASE_URL}/${hash}`);
    // GET /auth/me answers 401 and the app moves to the login page, remembering where to return.
    await page.waitForURL((url) => url.hash === '#/login');
    await page.locator('[data-testid="login-username"]').waitFor({ state: 'visible' });
    const tipLink = await text(page.locator('[data-testid="login-tip-link"]'));
    const trackLink = await text(page.locator('[data-testid="login-track-link"]'));
    if (tipLink !== '我要举报隐患' || trackLink !== '查询举报进度') {
      throw new Error(`login links: ${JSON.stringify([tipLink, trackLink])}`);
    }
  });
  await step(`sign in as ${username}`, async () => {
    await submitLogin(page, username, USERS[username]);
  });
}

async function signOut(page) {
  await step('sign out', async () => {
    await page.locator('[data-testid="logout"]').click();
    await page.locator('[data-testid="login-username"]').waitFor({ state: 'visible' });
  });
}

/** From the list filtered by the hazard code (the hash carries q), open the hazard's page. */
async function openFromList(page, code, expectedState) {
  await step(`find ${code} with the text filter and open it`, async () => {
    const row = page.locator(`[data-testid="hazard-list"] tr[data-code="${code}"]`);
    await row.waitFor({ state: 'visible' });
    const filter = await page.locator('[data-testid="filter-q"]').inputValue();
    if (filter !== code) throw new Error(`text filter shows ${JSON.stringify(filter)}, expected ${code}`);
    const rows = await page.locator('[data-testid="hazard-list"] tbody tr').count();
    if (rows !== 1) throw new Error(`expected 1 row for ${code}, got ${rows}`);
    await row.locator('[data-testid="hazard-link"]').click();
    await page.locator(`[data-testid="hazard-detail-page"][data-state="${expectedState}"]`).waitFor();
    const shown = await text(page.locator('[data-testid="hazard-code"]'));
    if (shown !== code) throw new Error(`detail shows ${shown}, expected ${code}`);
  });
}

async function expectState(page, state, label) {
  await page.locator(`[data-testid="hazard-detail-page"][data-state="${state}"]`).waitFor();
  const badge = await text(page.locator('[data-testid="hazard-state"]'));
  if (badge !== label) throw new Error(`state badge ${JSON.stringify(badge)}, expected ${label}`);
}

/** Submits an action form and waits for POST /actions, then for the page to show `state`. */
async function act(page, action, state, label) {
  const answer = apiAnswer(page, 'POST', /\/api\/v1\/hazards\/\d+\/actions$/);
  await page.locator(`[data-testid="action-${action}-submit"]`).click();
  await expectOk(answer, `POST ${action}`);
  await expectState(page, state, label);
}

runBrowserTest(async (page) => {
  const stamp = Date.now().toString(36);
  const description = `E2E ${stamp}：和平街道路边配电箱门损坏，电线外露，行人可触碰，存在触电危险。`;
  const png = makePng();

  // (a) the public tip
  await step('open #/tip without signing in', async () => {
    await page.goto(`${BASE_URL}/#/tip`, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="tip-form"]').waitFor({ state: 'visible' });
    const title = await text(page.locator('[data-testid="tip-page"] h1'));
    if (title !== '我要举报隐患') throw new Error(`title ${JSON.stringify(title)}`);
    if (await page.locator('nav.app-nav').count()) throw new Error('the signed-in shell is shown');
    await page.waitForFunction(() => document.body.dataset.pickMapReady === '1');
  });
  await step('describe the hazard and click its place in 和平街道 on the map', async () => {
    await page.locator('[data-testid="tip-description"]').fill(description);
    const point = await page.evaluate(({ lon, lat }) => {
      const map = window.__citysafeMap;
      const p = map.project([lon, lat]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y, inside: p.x > 5 && p.y > 5 && p.x < box.width - 5 && p.y < box.height - 5 };
    }, HEPING);
    if (!point.inside) throw new Error(`the place is off the map: ${JSON.stringify(point)}`);
    await page.locator('[data-testid="tip-map"]').scrollIntoViewIfNeeded();
    const again = await page.evaluate(({ lon, lat }) => {
      const map = window.__citysafeMap;
      const p = map.project([lon, lat]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, HEPING);
    await page.mouse.click(again.x, again.y);
    const chosen = page.locator('[data-testid="tip-location"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="tip-location"]')?.dataset.lon);
    const lon = Number(await chosen.getAttribute('data-lon'));
    const lat = Number(await chosen.getAttribute('data-lat'));
    if (Math.abs(lon - HEPING.lon) > 0.0005 || Math.abs(lat - HEPING.lat) > 0.0005) {
      throw new Error(`clicked ${lon}, ${lat}; expected about ${HEPING.lon}, ${HEPING.lat}`);
    }
    await page.locator('[data-testid="tip-address"]').fill('和平街道春晖路 18 号旁');
    await page.locator('[data-testid="tip-contact"]').fill('138****0000');
    const honeypot = await page.locator('[data-testid="tip-website"]').inputValue();
    if (honeypot !== '') throw new Error('the honeypot is not empty');
  });
  const receipt = await step('send the tip and read the tracking code', async () => {
    const answer = apiAnswer(page, 'POST', /^\/api\/v1\/public\/tips$/);
    await page.locator('[data-testid="tip-submit"]').click();
    const body = await expectOk(answer, 'POST /public/tips', 201);
    const code = await text(page.locator('[data-testid="tip-code"]'));
    const hazardCode = await page.locator('[data-testid="tip-hazard-code"]').getAttribute('data-code');
    if (!code || code !== body.tracking_code) throw new Error(`tracking code shown ${JSON.stringify(code)}, answered ${body.tracking_code}`);
    if (!hazardCode || hazardCode !== body.hazard_code) throw new Error(`hazard code ${hazardCode} vs ${body.hazard_code}`);
    console.log(`  tracking code ${code}, hazard ${hazardCode}`);
    return { code, hazardCode };
  });
  await step('attach a photo to the tip', async () => {
    await page.locator('[data-testid="tip-photos"]').setInputFiles({ name: 'tip.png', mimeType: 'image/png', buffer: png });
    const answer = apiAnswer(page, 'POST', /^\/api\/v1\/public\/tips\/[^/]+\/media$/);
    await page.locator('[data-testid="tip-upload"]').click();
    await expectOk(answer, 'POST tip photo', 201);
    await page.locator('[data-testid="tip-photo-message"][data-count="1"]').waitFor();
  });
  await step(`screenshot ${TIP_SCREENSHOT}`, () => page.screenshot({ path: TIP_SCREENSHOT, fullPage: true }));

  const { hazardCode } = receipt;
  const listHash = `#/hazards?q=${encodeURIComponent(hazardCode)}`;

  // (b) the street accepts and assigns
  await signInAs(page, 'street', listHash);
  await step('the list map shows the tip as a 待受理 dot', async () => {
    await page.waitForFunction(() => document.body.dataset.hazardMapReady === '1', null, { timeout: MAP_READY_TIMEOUT_MS });
    const dots = await page.evaluate(() => window.__citysafeMap.queryRenderedFeatures({ layers: ['hazard-dots'] })
      .map((f) => ({ code: f.properties.code, state: f.properties.state, colour: f.properties.colour })));
    const dot = dots.find((d) => d.code === hazardCode);
    if (!dot || dot.state !== 'reported' || dot.colour !== REPORTED_HEX) throw new Error(`dots: ${JSON.stringify(dots)}`);
  });
  await openFromList(page, hazardCode, 'reported');
  await step('the tip is 待受理 at 和平街道, from 群众举报, with its photo', async () => {
    await expectState(page, 'reported', '待受理');
    const fields = await text(page.locator('[data-testid="hazard-detail-page"] dl.details'));
    for (const expected of ['和平街道', '群众举报', stamp]) {
      if (!fields.includes(expected)) throw new Error(`details lack ${expected}: ${fields.slice(0, 300)}`);
    }
    await page.locator('[data-testid="hazard-gallery"] [data-testid="hazard-media"]').first().waitFor();
    const allowed = (await page.locator('[data-testid="hazard-actions"]').getAttribute('data-allowed')) ?? '';
    if (!allowed.split(',').includes('accept')) throw new Error(`allowed actions: ${allowed}`);
  });
  await step(`accept it as ${SECTOR}`, async () => {
    await page.locator('[data-testid="action-accept-sector"]').selectOption(SECTOR);
    await act(page, 'accept', 'accepted', '已受理');
  });
  const deadline = beijingDay(5);
  await step(`assign it to ${ENTERPRISE} by ${deadline}`, async () => {
    const unit = page.locator('[data-testid="action-assign-org"]');
    const value = await unit.locator('option').evaluateAll((options, name) =>
      options.find((o) => o.textContent.includes(name))?.value, ENTERPRISE);
    if (!value) throw new Error(`${ENTERPRISE} is not offered as the responsible unit`);
    await unit.selectOption(value);
    await page.locator('[data-testid="deadline_mode-date"]').check();
    await page.locator('[data-testid="action-assign-deadline"]').fill(deadline);
    await act(page, 'assign', 'assigned', '已交办');
    const responsible = await text(page.locator('[data-testid="hazard-responsible"]'));
    if (responsible !== ENTERPRISE) throw new Error(`responsible unit ${JSON.stringify(responsible)}`);
    const shownDeadline = await text(page.locator('[data-testid="hazard-deadline"]').first());
    if (!shownDeadline.startsWith(deadline)) throw new Error(`deadline shows ${JSON.stringify(shownDeadline)}`);
    const steps = await page.locator('[data-testid="hazard-timeline"] li').evaluateAll((lis) => lis.map((li) => li.dataset.action));
    if (!steps.includes('accept') || !steps.includes('assign')) throw new Error(`timeline: ${steps.join(', ')}`);
  });
  await step('the board shows it in the 已交办 column', async () => {
    await page.goto(`${BASE_URL}/#/hazards/board?q=${encodeURIComponent(hazardCode)}`);
    const column = page.locator('[data-testid="board-column-assigned"]');
    await column.locator(`[data-testid="hazard-card"][data-code="${hazardCode}"]`).waitFor();
    const count = await text(page.locator('[data-testid="board-count-assigned"]'));
    const reported = await text(page.locator('[data-testid="board-count-reported"]'));
    if (count !== '1' || reported !== '0') throw new Error(`board counts: assigned ${count}, reported ${reported}`);
  });
  await signOut(page);

  // (c) the enterprise fixes it
  await signInAs(page, 'enterprise', listHash);
  await openFromList(page, hazardCode, 'assigned');
  await step('start the work', () => act(page, 'start', 'rectifying', '整改中'));
  await step('upload a photo of the fix and submit it', async () => {
    await page.locator('[data-testid="action-submit-files"]').setInputFiles(
      { name: 'fixed.png', mimeType: 'image/png', buffer: png });
    await page.locator('[data-testid="action-submit-note"]').fill('已更换配电箱门锁，线路重新包扎。');
    const upload = apiAnswer(page, 'POST', /^\/api\/v1\/hazards\/\d+\/media$/);
    const answer = apiAnswer(page, 'POST', /\/api\/v1\/hazards\/\d+\/actions$/);
    await page.locator('[data-testid="action-submit-submit"]').click();
    const media = await expectOk(upload, 'POST evidence', 201);
    if (media?.stage !== 'evidence') throw new Error(`uploaded as ${media?.stage}`);
    await expectOk(answer, 'POST submit');
    await expectState(page, 'submitted', '待验收');
    await page.locator(`[data-testid="hazard-timeline"] li[data-action="submit"] [data-media-id="${media.id}"]`).waitFor();
  });
  await signOut(page);

  // (d) the inspector verifies
  await signInAs(page, 'inspector', listHash);
  await openFromList(page, hazardCode, 'submitted');
  await step('the evidence photo is shown as a thumbnail', async () => {
    const loaded = await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('[data-testid="hazard-gallery"] img')];
      return imgs.length >= 2 && imgs.every((img) => img.complete && img.naturalWidth > 0);
    });
    await loaded.dispose();
  });
  await step('verify it: 已销号', async () => {
    await page.locator('[data-testid="action-verify-note"]').fill('现场复查，整改到位。');
    await act(page, 'verify', 'closed', '已销号');
    const allowed = (await page.locator('[data-testid="hazard-actions"]').getAttribute('data-allowed')) ?? '';
    if (allowed.includes('verify')) throw new Error(`verify still offered: ${allowed}`);
  });
  await step(`screenshot ${SCREENSHOT}`, () => page.screenshot({ path: SCREENSHOT, fullPage: true }));
  await signOut(page);

  // (e) the public follows the tip
  await step('track the tip: 已销号 with dated steps', async () => {
    await page.goto(`${BASE_URL}/#/tip/track`);
    await page.locator('[data-testid="track-code"]').fill(receipt.code);
    const answer = apiAnswer(page, 'GET', /^\/api\/v1\/public\/tips\/[^/]+$/);
    await page.locator('[data-testid="track-submit"]').click();
    await expectOk(answer, 'GET /public/tips/{code}');
    const state = page.locator('[data-testid="track-state"]');
    await state.waitFor();
    if ((await state.getAttribute('data-state')) !== 'closed' || (await text(state)) !== '已销号') {
      throw new Error(`tracked state ${await text(state)}`);
    }
    if ((await text(page.locator('[data-testid="track-hazard-code"]'))) !== hazardCode) throw new Error('wrong hazard code');
    const steps = await page.locator('[data-testid="track-steps"] li').evaluateAll((lis) =>
      lis.map((li) => ({ action: li.dataset.action, time: li.querySelector('time')?.textContent ?? '' })));
    const actions = steps.map((s) => s.action);
    for (const expected of ['accept', 'assign', 'submit', 'verify']) {
      if (!actions.includes(expected)) throw new Error(`steps lack ${expected}: ${actions.join(', ')}`);
    }
    if (steps.some((s) => !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(s.time))) throw new Error(`undated steps: ${JSON.stringify(steps)}`);
    console.log(`  steps: ${actions.join(' → ')}`);
  });
}, { overallMs: 240_000 });
