#!/usr/bin/env node
// End-to-end check of the four-colour risk map against a running CitySafe server, in Debian's
// headless Chromium: sign in as the demo admin, open the risk map, wait for the risk layer, fit the
// view to every risk point, and check through map.queryRenderedFeatures that all four colours are
// drawn: first with clustering (each cluster carries its counts per colour), then with clustering
// off (every point drawn in its own colour). Then open a point's popup, its detail page and the
// live LEC form, and the list of large-and-above risks.
//
//   CITYSAFE_URL=http://127.0.0.1:18080 node tests/e2e/risk_map.test.mjs
// Env: CITYSAFE_URL (required), CITYSAFE_SCREENSHOT (default /tmp/citysafe-risk-map.png; the
//      detail page goes beside it as *-detail.png), CITYSAFE_USER / CITYSAFE_PASSWORD, CHROMIUM.
import { BASE_URL, runBrowserTest, signIn, step } from './browser.mjs';

const SCREENSHOT = process.env.CITYSAFE_SCREENSHOT || '/tmp/citysafe-risk-map.png';
const DETAIL_SCREENSHOT = SCREENSHOT.replace(/(\.png)?$/, '-detail.png');
const READY_TIMEOUT_MS = 45_000;
const COLOURS = ['red', 'orange', 'yellow', 'blue'];
// The layers that draw risk points (web/src/pages/risk/risk-layers.ts).
const RISK_LAYERS = ['risk-polygon', 'risk-polygon-outline', 'risk-line', 'risk-clusters', 'risk-point'];

/** Waits until the risk layer has rendered its latest data and the map has gone idle. */
async function settle(page) {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.waitForFunction(() => document.body.dataset.riskReady === '1', null, { timeout: READY_TIMEOUT_MS });
    await page.evaluate(() => new Promise((resolve) => {
      const map = window.__citysafeMap;
      map.once('idle', resolve);
      map.triggerRepaint();
    }));
    if (await page.evaluate(() => document.body.dataset.riskReady === '1')) return;
  }
  throw new Error('the risk layer kept reloading');
}

/** Colours drawn now: a feature's own `colour`, and for clusters every colour they hold. */
function renderedColours(page) {
  return page.evaluate((layers) => {
    const map = window.__citysafeMap;
    const present = layers.filter((id) => map.getLayer(id));
    const direct = new Set();
    const inClusters = new Set();
    const byLayer = {};
    let clusters = 0;
    for (const feature of map.queryRenderedFeatures({ layers: present })) {
      byLayer[feature.layer.id] = (byLayer[feature.layer.id] ?? 0) + 1;
      const props = feature.properties;
      if (props.point_count) {
        clusters += 1;
        for (const colour of ['red', 'orange', 'yellow', 'blue']) if (Number(props[colour]) > 0) inClusters.add(colour);
      } else if (props.colour) direct.add(props.colour);
    }
    return { direct: [...direct], inClusters: [...inClusters], clusters, byLayer };
  }, RISK_LAYERS);
}

runBrowserTest(async (page, pageErrors) => {
  await signIn(page);
  await step('open the risk map', async () => {
    await page.goto(`${BASE_URL}/#/map`, { waitUntil: 'domcontentloaded' });
    const nav = (await page.locator('nav.app-nav a[data-nav="map"]').textContent())?.trim();
    if (nav !== '风险地图') throw new Error(`expected nav text 风险地图, got ${JSON.stringify(nav)}`);
  });
  await step('risk layer rendered', async () => {
    try {
      await settle(page);
    } catch (err) {
      const status = await page.locator('[data-testid="risk-status"]').textContent().catch(() => '');
      throw new Error(`${err.message}; status: ${status}; page errors: ${pageErrors.join(' | ') || 'none'}`);
    }
  });

  // Every risk point in scope, straight from the API, to know where to look and what to expect.
  const data = await step('risk points from the API', async () => {
    const summary = await page.evaluate(async () => {
      const info = await (await fetch('/api/v1/basemap/info')).json();
      const [cx, cy] = info.center;
      const response = await fetch(`/api/v1/risk/map?bbox=${[cx - 1, cy - 1, cx + 1, cy + 1].join(',')}`);
      if (!response.ok) throw new Error(`GET /api/v1/risk/map: HTTP ${response.status}`);
      const collection = await response.json();
      const bounds = [Infinity, Infinity, -Infinity, -Infinity];
      const visit = (c) => {
        if (typeof c[0] === 'number') {
          bounds[0] = Math.min(bounds[0], c[0]); bounds[1] = Math.min(bounds[1], c[1]);
          bounds[2] = Math.max(bounds[2], c[0]); bounds[3] = Math.max(bounds[3], c[1]);
        } else c.forEach(visit);
      };
      const colours = {};
      for (const feature of collection.features) {
        if (feature.geometry) visit(feature.geometry.coordinates);
        const colour = feature.properties?.colour ?? 'none';
        colours[colour] = (colours[colour] ?? 0) + 1;
      }
      return { count: collection.features.length, bounds, colours };
    });
    const missing = COLOURS.filter((c) => !summary.colours[c]);
    if (missing.length) throw new Error(`the server's risk points lack ${missing.join(', ')}: ${JSON.stringify(summary.colours)}`);
    return summary;
  });
  console.log(`  ${data.count} risk points by colour: ${JSON.stringify(data.colours)}`);

  const fitAll = (zoomOut = 0) => page.evaluate(([bounds, out]) => {
    const map = window.__citysafeMap;
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: 30, duration: 0 });
    if (out) map.jumpTo({ zoom: map.getZoom() - out });
  }, [data.bounds, zoomOut]);

  await step('clustered: all four colours drawn', async () => {
    await fitAll(1);
    await settle(page);
    const seen = await renderedColours(page);
    console.log(`  clustered view: ${JSON.stringify(seen)}`);
    if (!seen.clusters) throw new Error('no clusters drawn when zoomed out over the whole district');
    const all = new Set([...seen.direct, ...seen.inClusters]);
    const missing = COLOURS.filter((c) => !all.has(c));
    if (missing.length) throw new Error(`colours not drawn: ${missing.join(', ')}`);
  });
  await step('legend counts every colour', async () => {
    await fitAll();
    await settle(page);
    for (const colour of COLOURS) {
      const text = await page.locator(`[data-testid="legend-count-${colour}"]`).textContent();
      if (!(Number(text) > 0)) throw new Error(`legend count for ${colour} is ${JSON.stringify(text)}`);
    }
  });
  await step(`screenshot ${SCREENSHOT}`, () => page.screenshot({ path: SCREENSHOT }));

  const point = await step('unclustered: every colour drawn as itself', async () => {
    await page.locator('[data-testid="cluster-toggle"]').uncheck();
    await settle(page);
    const seen = await renderedColours(page);
    console.log(`  unclustered view: ${JSON.stringify(seen)}`);
    if (seen.clusters) throw new Error(`${seen.clusters} clusters still drawn with clustering off`);
    const missing = COLOURS.filter((c) => !seen.direct.includes(c));
    if (missing.length) throw new Error(`colours not drawn: ${missing.join(', ')}`);
    // A drawn point away from the edges, to click.
    return page.evaluate(() => {
      const map = window.__citysafeMap;
      const canvas = map.getCanvas().getBoundingClientRect();
      for (const feature of map.queryRenderedFeatures({ layers: ['risk-point'] })) {
        const p = map.project(feature.geometry.coordinates);
        if (p.x > 80 && p.y > 80 && p.x < canvas.width - 80 && p.y < canvas.height - 80) {
          return { id: feature.properties.id, x: canvas.left + p.x, y: canvas.top + p.y };
        }
      }
      return null;
    });
  });
  if (!point) throw new Error('no risk point to click');

  await step(`popup of risk point ${point.id}`, async () => {
    await page.mouse.click(point.x, point.y);
    const popup = page.locator('[data-testid="risk-popup"]').filter({ has: page.locator('[data-testid="popup-detail-link"]') });
    await popup.waitFor();
    await popup.locator('[data-testid="popup-latest"], .muted').first().waitFor();
  });
  await step('risk point page with history and a live LEC result', async () => {
    await page.locator('[data-testid="popup-detail-link"]').click();
    await page.locator('[data-testid="point-name"]').waitFor();
    await page.locator('[data-testid="assessment-history"] tbody tr, [data-testid="latest-assessment"].muted').first().waitFor();
    await page.locator('[data-testid="assess-method-lec"]').click();
    await page.locator('select[data-testid="assess-l"]').selectOption('6');
    await page.locator('select[data-testid="assess-e"]').selectOption('3');
    await page.locator('select[data-testid="assess-c"]').selectOption('15');
    const value = page.locator('[data-testid="result-value"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="result-value"]')?.textContent === '270');
    const colour = await page.locator('[data-testid="result-colour"] [data-colour]').getAttribute('data-colour');
    if (colour !== 'orange') throw new Error(`LEC 6×3×15 = ${await value.textContent()} coloured ${colour}, expected orange`);
  });
  await step(`screenshot ${DETAIL_SCREENSHOT}`, () => page.screenshot({ path: DETAIL_SCREENSHOT, fullPage: true }));
  await step('list of large-and-above risks', async () => {
    await page.goto(`${BASE_URL}/#/risk/lists/major_risks`, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="risk-list"] tbody tr').first().waitFor();
    const red = Number(await page.locator('[data-testid="list-count-red"]').textContent());
    const orange = Number(await page.locator('[data-testid="list-count-orange"]').textContent());
    if (!(red > 0 && orange > 0)) throw new Error(`counts red ${red}, orange ${orange}`);
    const href = await page.locator('[data-testid="export-csv"]').getAttribute('href');
    if (!href?.includes('format=csv')) throw new Error(`CSV export link ${href}`);
  });
});
