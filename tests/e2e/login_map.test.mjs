#!/usr/bin/env node
// End-to-end check of the web UI against a running CitySafe server, in Debian's headless Chromium:
// sign in as the demo admin, see the Chinese UI, switch to English, wait for the basemap to render,
// count rendered road features, and save a screenshot.
//
//   CITYSAFE_URL=http://127.0.0.1:18080 node tests/e2e/login_map.test.mjs
// Env: CITYSAFE_URL (required), CITYSAFE_SCREENSHOT (default /tmp/citysafe-e2e.png),
//      CITYSAFE_USER / CITYSAFE_PASSWORD (default admin / demo-admin-2026), CHROMIUM (default /usr/bin/chromium).
// playwright-core comes from web/node_modules (run `npm ci` in web/ first); see browser.mjs.
import { runBrowserTest, signIn, step } from './browser.mjs';

const SCREENSHOT = process.env.CITYSAFE_SCREENSHOT || '/tmp/citysafe-e2e.png';
const MAP_READY_TIMEOUT_MS = 45_000;

runBrowserTest(async (page, pageErrors) => {
  await signIn(page);
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
}, { overallMs: 90_000 });
