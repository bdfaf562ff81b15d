#!/usr/bin/env node
// End-to-end check of the risk-point import and the area safety index against a running CitySafe
// server, in Debian's headless Chromium: sign in as the demo admin, open 风险点导入, upload a small
// generated CSV (two good rows, one with an unknown sector on line 3) with "import the good rows"
// unticked and check the report names line 3 / sector and nothing went in (the safety index totals
// are unchanged); tick it, upload again and check 2 were imported (totals +2). Then open 安全应急指数
// and check the formula, the ranked table (lowest index first) and the chart.
//
//   CITYSAFE_URL=http://127.0.0.1:18080 node tests/e2e/risk_import.test.mjs
// Env: CITYSAFE_URL (required), CITYSAFE_SCREENSHOT (default /tmp/citysafe-risk-import.png; the
//      safety index page goes beside it as *-index.png), CITYSAFE_USER / CITYSAFE_PASSWORD, CHROMIUM.
import { BASE_URL, runBrowserTest, signIn, step } from './browser.mjs';

const SCREENSHOT = process.env.CITYSAFE_SCREENSHOT || '/tmp/citysafe-risk-import.png';
const INDEX_SCREENSHOT = SCREENSHOT.replace(/(\.png)?$/, '-index.png');
const BAD_LINE = '3';

/** Risk points counted by the safety index (every street's total), through the page's session. */
function indexedTotal(page) {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/risk/safety-index');
    if (!response.ok) throw new Error(`GET /api/v1/risk/safety-index: HTTP ${response.status}`);
    const { items } = await response.json();
    return items.reduce((sum, item) => sum + Number(item.counts?.total ?? 0), 0);
  });
}

function csvFor(orgId, sector, stamp) {
  const line = '"{""type"":""LineString"",""coordinates"":[[120.1541,30.3142],[120.1563,30.3157]]}"';
  return [
    'name,kind,sector,org_id,enterprise_id,capacity,lon,lat,geometry',
    `E2E 导入小学 ${stamp},school,${sector},${orgId},,600,120.1552,30.3151,`,
    `E2E 错误行 ${stamp},bridge,no_such_sector,${orgId},,,120.1560,30.3149,`,
    `E2E 导入管线 ${stamp},gas_pipeline,${sector},${orgId},,,,,${line}`,
  ].join('\r\n') + '\r\n';
}

async function upload(page, keepGoodRows) {
  await page.locator('[data-testid="import-keep-good-rows"]').setChecked(keepGoodRows);
  await page.locator('[data-testid="import-submit"]').click();
  const summary = page.locator('[data-testid="import-summary"]');
  await summary.waitFor({ state: 'visible' });
  await page.locator('[data-testid="import-submit"]:not([disabled])').waitFor();
  return {
    kind: await summary.getAttribute('data-kind'),
    committed: await summary.getAttribute('data-committed'),
    imported: (await page.locator('[data-testid="import-imported"]').textContent().catch(() => ''))?.trim(),
    message: (await page.locator('[data-testid="import-message"]').textContent())?.trim(),
    problems: await page.locator('[data-testid="import-problems"] tbody tr').evaluateAll((rows) => rows.map((row) => ({
      line: row.querySelector('[data-col="line"]')?.textContent?.trim(),
      field: row.querySelector('[data-col="field"]')?.textContent?.trim(),
      reason: row.querySelector('[data-col="reason"]')?.textContent?.trim(),
    }))),
  };
}

function expectBadRow(result) {
  const bad = result.problems.find((p) => p.line === BAD_LINE && p.field === 'sector');
  if (!bad) throw new Error(`no problem for line ${BAD_LINE}, field sector: ${JSON.stringify(result.problems)}`);
  if (result.problems.length !== 1) throw new Error(`expected one problem, got ${JSON.stringify(result.problems)}`);
}

runBrowserTest(async (page) => {
  await signIn(page);
  await step('open 风险点导入 from the navigation', async () => {
    await page.locator('nav.app-nav a[data-nav="risk/import"]').click();
    const title = (await page.locator('[data-testid="risk-import-page"] h1').textContent())?.trim();
    if (title !== '风险点导入') throw new Error(`expected title 风险点导入, got ${JSON.stringify(title)}`);
    await page.locator('[data-testid="import-columns"]').waitFor({ state: 'visible' });
  });
  const { orgId, sector } = await step('a community and a sector from the API', () => page.evaluate(async () => {
    const orgs = await (await fetch('/api/v1/orgs?kind=community&limit=50')).json();
    const sectors = await (await fetch('/api/v1/sectors')).json();
    const community = orgs.items.find((o) => o.kind === 'community');
    if (!community || !sectors.length) throw new Error('no community or no sectors');
    return { orgId: community.id, sector: sectors[0].code };
  }));
  const before = await step('safety index totals before', () => indexedTotal(page));

  await step('choose the CSV file', async () => {
    const csv = csvFor(orgId, sector, Date.now().toString(36));
    await page.locator('[data-testid="import-file"]').setInputFiles(
      { name: 'e2e-risk-points.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const format = await page.locator('[data-testid="import-format"]').inputValue();
    if (format !== 'csv') throw new Error(`format not picked from the extension: ${format}`);
  });
  await step('all-or-nothing upload is refused, naming line 3 / sector', async () => {
    const result = await upload(page, false);
    console.log(`  report: ${result.message} ${JSON.stringify(result.problems)}`);
    if (result.kind !== 'rows' || result.committed !== 'false' || result.imported !== '0') {
      throw new Error(`expected a refused import with 0 imported, got ${JSON.stringify(result)}`);
    }
    expectBadRow(result);
    const after = await indexedTotal(page);
    if (after !== before) throw new Error(`risk points changed from ${before} to ${after}`);
  });
  await step('keeping the good rows imports 2', async () => {
    const result = await upload(page, true);
    console.log(`  report: ${result.message}`);
    if (result.kind !== 'done' || result.committed !== 'true' || result.imported !== '2') {
      throw new Error(`expected 2 imported and committed, got ${JSON.stringify(result)}`);
    }
    expectBadRow(result);
    const after = await indexedTotal(page);
    if (after !== before + 2) throw new Error(`risk points went from ${before} to ${after}, expected +2`);
  });
  await step(`screenshot ${SCREENSHOT}`, () => page.screenshot({ path: SCREENSHOT, fullPage: true }));

  await step('open 安全应急指数 from the navigation', async () => {
    await page.locator('nav.app-nav a[data-nav="risk/index"]').click();
    const formula = page.locator('[data-testid="safety-formula"]');
    await formula.waitFor({ state: 'visible' });
    const text = (await formula.textContent()) ?? '';
    if (!text.includes('index = 100 / (1 + load /')) throw new Error(`formula text: ${JSON.stringify(text)}`);
    await page.locator('[data-testid="safety-weights"] tr[data-weight="red"]').waitFor({ state: 'visible' });
  });
  await step('ranked table and chart shown', async () => {
    const rows = page.locator('[data-testid="safety-index-table"] tbody tr[data-org-id]');
    await rows.first().waitFor({ state: 'visible' });
    const values = (await page.locator('[data-testid="index-value"]').allTextContents()).map(Number);
    if (!values.length || values.some((v, i) => Number.isNaN(v) || (i > 0 && v < values[i - 1]))) {
      throw new Error(`index column not ascending: ${values.join(', ')}`);
    }
    console.log(`  ${values.length} streets, index ${values.join(', ')}`);
    await page.locator('[data-testid="safety-index-chart"] canvas').first().waitFor({ state: 'attached' });
  });
  await step(`screenshot ${INDEX_SCREENSHOT}`, () => page.screenshot({ path: INDEX_SCREENSHOT, fullPage: true }));
}, { overallMs: 90_000 });
