#!/usr/bin/env node
// End-to-end check of online monitoring (在线监测) with a real recorded series, in Debian's headless
// Chromium:
//  (a) over the API as `enterprise`, register a device of 安澜精细化工有限公司 (sector hazchem_mining)
//      and a groundwater-level sensor on it whose own rule is red above 9.5 m;
//  (b) as `duty` (安澜区值班员) open #/alarms, with the live channel connected;
//  (c) `citysafe replay` publishes the first readings of a measured groundwater head series
//      (../shared/data/sensors/water_levels, monthly heads of about 8.4–10 m) over MQTT as that
//      sensor, re-timed to now; the server consumes them from the broker and raises a red alarm;
//  (d) the alarm's row arrives on the open page without a reload; the sensor's dot on the overview
//      map is red;
//  (e) the duty officer acknowledges the alarm and closes it as 真实险情 with notes: the row shows
//      关闭 with the conclusion, and the API agrees (state closed, disposition, notes, times); it
//      leaves the default (open) list and shows under 已关闭;
//  (f) the sensor's page draws every replayed reading.
//
//   CITYSAFE_URL=http://127.0.0.1:18080 CITYSAFE_MQTT=127.0.0.1:1883 \
//     CITYSAFE_BINARY=build/release/apps/citysafe/citysafe node tests/e2e/monitoring_alarm.test.mjs
// Env: CITYSAFE_URL (required), CITYSAFE_MQTT (required: the broker the server consumes),
//      CITYSAFE_BINARY (required: the citysafe binary, for `replay`), CITYSAFE_SENSOR_DATA (default
//      ../shared/data/sensors beside the repository), CITYSAFE_SCREENSHOT (default /tmp/citysafe-monitoring-alarm.png;
//      the sensor page goes beside it as *-sensor.png), CHROMIUM.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, apiAnswer, expectOk, runBrowserTest, step, submitLogin, text } from './browser.mjs';

const SCREENSHOT = process.env.CITYSAFE_SCREENSHOT || '/tmp/citysafe-monitoring-alarm.png';
const SENSOR_SCREENSHOT = SCREENSHOT.replace(/(\.png)?$/, '-sensor.png');
const MQTT = process.env.CITYSAFE_MQTT;
const BINARY = process.env.CITYSAFE_BINARY;
const SERIES = join(process.env.CITYSAFE_SENSOR_DATA || new URL('../../../shared/data/sensors', import.meta.url).pathname,
  'water_levels/pastas_nb5_groundwater_head.csv');
/**
 * The first 20 heads (2000-01 … 2001-05) are 8.38–9.99 m and cross 9.5 m three times (9.77, 9.53,
 * 9.63 with 9.02 and 8.73 between), ending at 9.85: one alarm, red at the end. At 3·10⁷ times the
 * recorded pace two weeks take about 40 ms, so the replay is over in about two seconds.
 */
const LIMIT = 20;
const SPEED = 3e7;
const RULE = 'level';
const RULES = `${RULE}: threshold above red=9.5`;
const ENTERPRISE = '安澜精细化工有限公司';
const SECTOR = 'hazchem_mining';
const DISPOSITION = 'real_danger';
const ALARM_TIMEOUT_MS = 20_000;
const MAP_READY_TIMEOUT_MS = 45_000;
const PASSWORDS = { enterprise: 'demo-enterprise-2026', duty: 'demo-duty-2026' };

// ---- the API, as a signed-in user ----

async function apiSession(username) {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORDS[username] }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: HTTP ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return async (method, path, body, expected = method === 'POST' ? 201 : 200) => {
    const response = await fetch(`${BASE_URL}${path}`, {
      method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
}

/** Calls `probe` every 250 ms until it returns something truthy, or fails after `timeoutMs`. */
async function poll(what, probe, timeoutMs = ALARM_TIMEOUT_MS) {
  const until = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last?.done) return last.value;
    if (Date.now() > until) throw new Error(`${what} within ${timeoutMs / 1000} s; last seen ${JSON.stringify(last?.seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs `citysafe replay …` to its end; resolves with its output, rejects unless it exits 0. */
function replay(sensorCode) {
  const args = ['replay', SERIES, '--sensor', sensorCode, '--speed', String(SPEED), '--mqtt', MQTT, '--limit', String(LIMIT)];
  console.log(`  ${BINARY} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(BINARY, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out.trim());
      else reject(new Error(`replay ended with ${signal ?? `exit ${code}`}: ${out.trim()}`));
    });
  });
}

// ---- the browser ----

async function signInAs(page, username, hash) {
  await step(`open ${hash} and sign in as ${username}`, async () => {
    await page.goto(`${BASE_URL}/${hash}`);
    await page.waitForURL((url) => url.hash === '#/login');
    await submitLogin(page, username, PASSWORDS[username]);
  });
}

runBrowserTest(async (page) => {
  const stamp = Date.now().toString(36).toUpperCase();
  const deviceCode = `E2E-WL-${stamp}`;
  const sensorCode = `E2E-WL-${stamp}-H1`;
  const notes = `E2E ${stamp}：现场核实罐区地下水位超警戒，已组织排水并加密巡查。`;

  await step('the broker, the binary and the recorded series are at hand', async () => {
    if (!MQTT) throw new Error('set CITYSAFE_MQTT to the broker the server consumes, e.g. 127.0.0.1:1883');
    if (!BINARY || !existsSync(BINARY)) throw new Error(`set CITYSAFE_BINARY to the citysafe binary (got ${BINARY})`);
    if (!existsSync(SERIES)) throw new Error(`no recorded series at ${SERIES}`);
  });

  // (a) the registry, over the API
  const enterprise = await step('sign in to the API as enterprise', () => apiSession('enterprise'));
  const sensor = await step(`register device ${deviceCode} of ${ENTERPRISE} and sensor ${sensorCode}`, async () => {
    const orgs = await enterprise('GET', '/api/v1/orgs');
    const org = (orgs.items ?? orgs).find((o) => o.name === ENTERPRISE);
    if (!org) throw new Error(`${ENTERPRISE} is not among the orgs`);
    const { lon, lat } = org.location;
    const device = await enterprise('POST', '/api/v1/devices', {
      code: deviceCode, name: '罐区地下水位监测站', model: 'E2E-PIEZO', org_id: org.id, sector: SECTOR,
      lon: lon + 0.0004, lat: lat + 0.0003, address: '安澜精细化工有限公司 罐区东侧',
    });
    if (device.org_id !== org.id || device.sector !== SECTOR) throw new Error(`device: ${JSON.stringify(device)}`);
    // A minute's interval keeps the offline rule (three intervals, at least a minute) quiet during the run.
    const created = await enterprise('POST', '/api/v1/sensors', {
      code: sensorCode, device_id: device.id, name: '罐区地下水位', type: 'water_level', unit: 'm', interval_s: 60,
      rules: RULES,
    });
    if (created.org_id !== org.id || created.rules !== RULES) throw new Error(`sensor: ${JSON.stringify(created)}`);
    const rules = await enterprise('GET', `/api/v1/sensors/${created.id}/rules`);
    const level = rules.items.find((r) => r.name === RULE);
    if (!level || level.kind !== 'threshold' || level.thresholds?.red !== 9.5) throw new Error(`rules: ${JSON.stringify(rules)}`);
    console.log(`  device #${device.id}, sensor #${created.id}`);
    return created;
  });

  // (b) the duty officer watches the alarms
  await signInAs(page, 'duty', '#/alarms');
  await step('the alarm page is loaded, the live channel connected, the sound unlocked', async () => {
    await page.locator('[data-testid="alarms-page"][data-loaded="1"]').waitFor();
    await page.locator('[data-testid="live-indicator"][data-state="connected"]').waitFor();
    if (await page.locator(`[data-testid^="alarm-row-"][data-alarm-id]`).evaluateAll((rows, id) =>
      rows.some((r) => r.querySelector('a[data-testid="alarm-sensor"]')?.getAttribute('href')?.endsWith(`/${id}`)), sensor.id)) {
      throw new Error('the new sensor already has an alarm');
    }
    // Browsers start audio only after a gesture on the page.
    await page.locator('[data-testid="alarms-page"] h1').click();
  });

  // (c) the replay
  await step(`replay ${LIMIT} readings of ${SERIES} over MQTT ${MQTT}`, async () => {
    const out = await replay(sensorCode);
    console.log(`  ${out}`);
    if (!out.includes(`replayed ${LIMIT} readings`)) throw new Error(`replay said: ${out}`);
  });
  const duty = await step('sign in to the API as duty', () => apiSession('duty'));
  const alarm = await step(`the server stores all ${LIMIT} readings and holds a red ${RULE} alarm`, async () => {
    const found = await poll('no red alarm', async () => {
      const series = await duty('GET', `/api/v1/sensors/${sensor.id}/series?resolution=raw&limit=1000`);
      const alarms = await duty('GET', `/api/v1/alarms?sensor_id=${sensor.id}`);
      const a = alarms.items.find((x) => x.rule === RULE);
      const seen = { points: series.points.length, alarms: alarms.items.map((x) => [x.code, x.rule, x.level, x.state]) };
      return { done: series.points.length === LIMIT && a?.level === 'red', value: a, seen };
    });
    if (found.state !== 'active' || found.peak !== 'red' || found.sensor !== sensorCode || found.sector !== SECTOR) {
      throw new Error(`alarm: ${JSON.stringify(found)}`);
    }
    if (Math.abs(Date.parse(found.raised_at) - Date.now()) > 5 * 60_000) throw new Error(`raised at ${found.raised_at}`);
    const status = await duty('GET', `/api/v1/monitoring/status`).catch(() => null);
    console.log(`  alarm ${found.code}: ${found.level}, value ${found.value}; ingestion ${JSON.stringify(status?.totals ?? {})}`);
    return found;
  });

  // (d) seen live, and on the map
  const row = page.locator(`[data-testid="alarm-row-${alarm.code}"]`);
  await step(`the row of ${alarm.code} arrived live: red, active`, async () => {
    await row.and(page.locator('[data-state="active"][data-level="red"]')).waitFor();
    const shown = await text(row.locator('[data-testid="alarm-sensor"]'));
    if (shown !== sensorCode) throw new Error(`row names sensor ${JSON.stringify(shown)}`);
    const beeps = await page.locator('[data-testid="alarms-page"]').getAttribute('data-beeps');
    console.log(`  beeps played: ${beeps}`);
  });
  await step('the overview map draws the sensor as a red dot', async () => {
    await page.goto(`${BASE_URL}/#/monitoring`);
    await page.locator('[data-testid="sensor-map"]').waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.body.dataset.sensorMapReady === '1', null, { timeout: MAP_READY_TIMEOUT_MS });
    const dots = await page.evaluate(() => window.__citysafeMap.queryRenderedFeatures({ layers: ['sensor-dots'] })
      .map((f) => ({ code: f.properties.code, state: f.properties.state })));
    const dot = dots.find((d) => d.code === sensorCode);
    if (dot?.state !== 'red') throw new Error(`dots: ${JSON.stringify(dots)}`);
    await page.locator(`[data-testid="open-alarm-${alarm.code}"][data-level="red"]`).waitFor();
  });
  await step('back to #/alarms', async () => {
    await page.goto(`${BASE_URL}/#/alarms`);
    await page.locator('[data-testid="alarms-page"][data-loaded="1"]').waitFor();
    await row.and(page.locator('[data-state="active"][data-level="red"]')).waitFor();
  });

  // (e) acknowledge and close
  await step(`acknowledge ${alarm.code}`, async () => {
    const answer = apiAnswer(page, 'POST', /^\/api\/v1\/alarms\/\d+\/actions$/);
    await page.locator(`[data-testid="alarm-ack-${alarm.code}"]`).click();
    const body = await expectOk(answer, 'POST acknowledge');
    if (body?.state !== 'acknowledged' || !body.acknowledged_at) throw new Error(`answered ${JSON.stringify(body)}`);
    await row.and(page.locator('[data-state="acknowledged"]')).waitFor();
    if (await page.locator(`[data-testid="alarm-ack-${alarm.code}"]`).count()) throw new Error('acknowledge still offered');
  });
  await step(`close ${alarm.code} as ${DISPOSITION} with notes`, async () => {
    await page.locator(`[data-testid="alarm-close-${alarm.code}"]`).click();
    const form = page.locator('[data-testid="alarm-close-form"]');
    await form.waitFor({ state: 'visible' });
    if ((await form.getAttribute('data-code')) !== alarm.code) throw new Error(`the form closes ${await form.getAttribute('data-code')}`);
    await page.locator('[data-testid="alarm-disposition"]').selectOption(DISPOSITION);
    await page.locator('[data-testid="alarm-notes"]').fill(notes);
    const answer = apiAnswer(page, 'POST', /^\/api\/v1\/alarms\/\d+\/actions$/);
    await page.locator('[data-testid="alarm-close-confirm"]').click();
    const body = await expectOk(answer, 'POST close');
    if (body?.state !== 'closed') throw new Error(`answered ${JSON.stringify(body)}`);
    await row.and(page.locator('[data-state="closed"]')).waitFor();
    await form.waitFor({ state: 'detached' });
    const cells = await text(row);
    if (!cells.includes(notes)) throw new Error(`the row lacks the notes: ${cells}`);
    if (await page.locator(`[data-testid="alarm-close-${alarm.code}"]`).count()) throw new Error('close still offered');
  });
  await step('the API has it closed as real_danger with the notes, by a person', async () => {
    const a = await duty('GET', `/api/v1/alarms/${alarm.id}`);
    const problems = [];
    if (a.state !== 'closed') problems.push(`state ${a.state}`);
    if (a.disposition !== DISPOSITION) problems.push(`disposition ${a.disposition}`);
    if (a.notes !== notes) problems.push(`notes ${JSON.stringify(a.notes)}`);
    if (!a.acknowledged_at || !a.closed_at) problems.push(`acknowledged_at ${a.acknowledged_at}, closed_at ${a.closed_at}`);
    if (a.closed_at && a.acknowledged_at && Date.parse(a.closed_at) < Date.parse(a.acknowledged_at)) problems.push('closed before acknowledged');
    if (problems.length) throw new Error(`${problems.join('; ')}: ${JSON.stringify(a)}`);
  });
  await step('after a reload it has left the open list; 已关闭 shows it with its conclusion', async () => {
    await page.reload();
    await page.locator('[data-testid="alarms-page"][data-loaded="1"]').waitFor();
    if (await row.count()) throw new Error('the closed alarm is still in the open list');
    await page.locator('[data-testid="alarm-filter-state"]').selectOption('closed');
    await row.and(page.locator('[data-state="closed"]')).waitFor();
    const cells = await text(row);
    if (!cells.includes(notes)) throw new Error(`the row lacks the notes: ${cells}`);
  });
  await step(`screenshot ${SCREENSHOT}`, () => page.screenshot({ path: SCREENSHOT, fullPage: true }));

  // (f) the sensor's page
  await step(`the sensor's page draws all ${LIMIT} readings and lists the closed alarm`, async () => {
    await page.goto(`${BASE_URL}/#/sensors/${sensor.id}`);
    await page.locator('[data-testid="sensor-page"][data-state]').waitFor();
    const title = await text(page.locator('[data-testid="sensor-title"]'));
    if (!title.startsWith(sensorCode)) throw new Error(`title ${JSON.stringify(title)}`);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="series-chart"]')?.dataset.points) === n, LIMIT);
    await page.locator(`[data-testid="sensor-alarm-${alarm.code}"][data-state="closed"]`).waitFor();
    // Not asserted (yet): GET /api/v1/sensors/{id} answers last_at/last_value null until the
    // ingestor flushes the sensor's minute (a minute plus two quiet minutes later).
    const latest = await text(page.locator('[data-testid="sensor-latest"]'));
    if (!latest.includes('9.85')) console.log(`  note: the latest value shows ${JSON.stringify(latest)}, the last reading was 9.85 m`);
  });
  await step(`screenshot ${SENSOR_SCREENSHOT}`, () => page.screenshot({ path: SENSOR_SCREENSHOT, fullPage: true }));
}, { overallMs: 180_000 });
