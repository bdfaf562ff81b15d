#!/usr/bin/env node
// End-to-end check of the web UI against a running CitySafe server, in Debian's headless Chromium:
// sign in as the demo admin, see the Chinese UI, switch to English, wait for the basemap to render,
// count rendered road features, and save a screenshot.
//
//   CITYSAFE_URL=http://127.0.0.1:18080 node tests/e2e/login_map.test.mjs
// Env: CITYSAFE_URL (required), CITYSAFE_SCREENSHOT (default /tmp/citysafe-e2e.png),
//      CITYSAFE_USER / CITYSAFE_PASSWORD (default admin / demo-admin-2026), CHROMIUM (default /usr/bin/chromium).
// playwright-core comes from web/node_modules (run `npm ci` in web/ first).
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE_URL = process.env.CITYSAFE_URL;
const SCREENSHOT = process.env.CITYSAFE_SCREENSHOT || '/tmp/citysafe-e2e.png';
const USERNAME = process.env.CITYSAFE_USER || 'admin';
const PASSWORD = process.env.CITYSAFE_PASSWORD || 'demo-admin-2026';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OVERALL_TIMEOUT_MS = 90_000;
const STEP_TIMEOUT_MS = 20_000;
const MAP_READY_TIMEOUT_MS = 45_000;

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // WebGL for MapLibre without a GPU: ANGLE on SwiftShader (software rendering).
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--window-size=1440,900', '--lang=zh-CN',
];

let context;
let userDataDir;
let finished = false;

function finish(error) {
  if (finished) return;
  finished = true;
  if (error) console.error(`FAIL: ${error.message ?? error}`);
  console.log(error ? '0 passed, 1 failed' : '1 passed, 0 failed');
  const cleanup = context ? context.close().catch(() => {}) : Promise.resolve();
  cleanup.finally(() => {
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    process.exit(error ? 1 : 0);
  });
}

async function step(name, action) {
  console.log(`- ${name}`);
  try {
    return await action();
  } catch (err) {
    throw new Error(`${name}: ${err.message.split('\n')[0]}`);
  }
}

async function run() {
  if (!BASE_URL) throw new Error('set CITYSAFE_URL, e.g. CITYSAFE_URL=http://127.0.0.1:18080');
  userDataDir = mkdtempSync(join(tmpdir(), 'citysafe-e2e-'));
  context = await step('launch Chromium', () => chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: false, args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 }, timeout: STEP_TIMEOUT_MS,
  }));
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = context.pages()[0] ?? await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // The first GET /api/v1/auth/me answers 401 before signing in; that one is expected.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 401/.test(msg.text())) pageErrors.push(msg.text());
  });

  await step(`open ${BASE_URL}`, () => page.goto(BASE_URL, { waitUntil: 'domcontentloaded' }));
  await step('sign in', async () => {
    await page.locator('[data-testid="login-username"]').fill(USERNAME);
    await page.locator('[data-testid="login-password"]').fill(PASSWORD);
    await page.locator('[data-testid="login-submit"]').click();
    await page.locator('nav.app-nav').waitFor({ state: 'visible' }).catch(async (err) => {
      const loginError = await page.locator('[data-testid="login-error"]').textContent().catch(() => '');
      throw new Error(loginError ? `login rejected: ${loginError}` : err.message);
    });
  });
  await step('Chinese UI shown', async () => {
    const nav = page.locator('nav.app-nav a[data-nav="map"]');
    const text = (await nav.textContent())?.trim();
    if (text !== '风险地图') throw new Error(`expected nav text 风险地图, got ${JSON.stringify(text)}`);
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== 'zh-CN') throw new Error(`expected <html lang="zh-CN">, got ${lang}`);
  });
  await step('switch to English', async () => {
    await page.locator('header [data-testid="lang-switch"]').click();
    await page.locator('nav.app-nav a[data-nav="map"]', { hasText: 'Risk map' }).waitFor();
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== 'en') throw new Error(`expected <html lang="en">, got ${lang}`);
  });
  await step('basemap rendered', async () => {
    try {
      await page.waitForFunction(() => document.body.dataset.mapReady === '1', null, { timeout: MAP_READY_TIMEOUT_MS });
    } catch {
      const status = await page.locator('[data-testid="basemap-status"]').textContent().catch(() => '');
      throw new Error(`map not ready after ${MAP_READY_TIMEOUT_MS / 1000} s; status: ${status}; page errors: ${pageErrors.join(' | ') || 'none'}`);
    }
  });
  const counts = await step('roads drawn', async () => {
    const result = await page.evaluate(() => {
      const map = window.__citysafeMap;
      if (!map) return null;
      const byLayer = {};
      for (const feature of map.queryRenderedFeatures()) {
        byLayer[feature.layer.id] = (byLayer[feature.layer.id] ?? 0) + 1;
      }
      return byLayer;
    });
    if (!result) throw new Error('window.__citysafeMap is missing');
    const roads = Object.entries(result).filter(([id]) => id.startsWith('road-') && id !== 'road-casing' && id !== 'road-highlight')
      .reduce((sum, [, n]) => sum + n, 0);
    if (roads <= 0) throw new Error(`no rendered road features; rendered by layer: ${JSON.stringify(result)}`);
    return { roads, byLayer: result };
  });
  console.log(`  rendered road features: ${counts.roads}; by layer: ${JSON.stringify(counts.byLayer)}`);
  await step('attribution shown', async () => {
    const text = await page.locator('.maplibregl-ctrl-attrib').textContent();
    if (!text?.includes('OpenStreetMap')) throw new Error(`attribution text: ${JSON.stringify(text)}`);
  });
  await step(`screenshot ${SCREENSHOT}`, () => page.screenshot({ path: SCREENSHOT }));
  if (pageErrors.length) console.log(`  note: page reported errors: ${pageErrors.join(' | ')}`);
}

setTimeout(() => finish(new Error(`overall timeout of ${OVERALL_TIMEOUT_MS / 1000} s exceeded`)), OVERALL_TIMEOUT_MS).unref();
run().then(() => finish(), (err) => finish(err));
