#!/usr/bin/env node
// End-to-end check of the hazard supervision, statistics, settings and ledger import pages against a
// running CitySafe server (`serve --demo`), in Debian's headless Chromium:
//   - as the demo leader: 隐患统计 shows the headline figures and a ranking of the 4 streets (table and
//     chart); 挂牌督办 lists at least one hazard (the scheduler lists the demo's overdue and major
//     hazards; its first sweep may take up to a minute after the start); the header bell answers;
//   - as the demo admin: 隐患规则与日历 shows 2026 with the 国庆节 days marked as holidays in October;
//     台账导入 imports a one-row CSV ledger built here and reports 1 imported.
//
//   CITYSAFE_URL=http://127.0.0.1:18080 node tests/e2e/hazard_admin.test.mjs
// Env: CITYSAFE_URL (required), CITYSAFE_SCREENSHOT (default /tmp/citysafe-hazard-admin.png; the
//      other pages go beside it as *-stats.png, *-supervision.png, *-settings.png), CHROMIUM.
import { BASE_URL, runBrowserTest, step, submitLogin } from './browser.mjs';

const SCREENSHOT = process.env.CITYSAFE_SCREENSHOT || '/tmp/citysafe-hazard-admin.png';
const shot = (suffix) => SCREENSHOT.replace(/(\.png)?$/, `-${suffix}.png`);
const SUPERVISION_WAIT_MS = 100_000;

async function login(page, username, password) {
  await step(`sign in as ${username}`, async () => {
    await submitLogin(page, username, password);
  });
}

async function openFromNav(page, path, readySelector) {
  await page.locator(`nav.app-nav a[data-nav="${path}"]`).click();
  await page.waitForFunction((p) => location.hash.startsWith(`#/${p}`), path);
  await page.locator(readySelector).first().waitFor({ state: 'visible' });
}

function ledgerCsv(stamp) {
  return [
    '隐患描述,隐患来源,隐患等级,行业领域,所属单位,经度,纬度,状态',
    `消防通道堵塞（E2E ${stamp}）,网格巡查,一般,消防安全,和平街道,120.1425,30.3258,待受理`,
  ].join('\r\n') + '\r\n';
}

runBrowserTest(async (page) => {
  await step(`open ${BASE_URL}`, () => page.goto(BASE_URL, { waitUntil: 'domcontentloaded' }));
  await login(page, 'leader', 'demo-leader-2026');

  await step('hazard navigation group lists the five pages', async () => {
    for (const path of ['hazards', 'hazards/board', 'supervision', 'hazards/stats', 'hazards/import']) {
      await page.locator(`nav.app-nav a[data-nav="${path}"]`).waitFor({ state: 'attached' });
    }
  });

  await step('隐患统计 shows the headline figures', async () => {
    await openFromNav(page, 'hazards/stats', '[data-testid="stats-page"]');
    const title = (await page.locator('[data-testid="stats-page"] h1').textContent())?.trim();
    if (title !== '隐患统计') throw new Error(`expected title 隐患统计, got ${JSON.stringify(title)}`);
    await page.locator('[data-testid="stats-figures"]').waitFor({ state: 'visible' }).catch(async (err) => {
      const error = await page.locator('[data-testid="stats-error"]').textContent().catch(() => '');
      throw new Error(error ? `statistics failed: ${error}` : err.message);
    });
    const figures = {};
    for (const key of ['found', 'closed', 'closure_rate', 'on_time_rate', 'overdue_now', 'avg_days_to_close']) {
      figures[key] = (await page.locator(`[data-testid="figure-${key}"]`).textContent())?.trim();
    }
    console.log(`  figures: ${JSON.stringify(figures)}`);
    if (!/^\d+$/.test(figures.found ?? '') || Number(figures.found) < 1) throw new Error(`found is ${figures.found}`);
    if (!/^(\d+(\.\d)?%|—)$/.test(figures.closure_rate ?? '')) throw new Error(`closure rate is ${figures.closure_rate}`);
    await page.locator('[data-testid="stats-by-grade"] tbody tr').first().waitFor();
    await page.locator('[data-testid="stats-grade-chart"] canvas').first().waitFor({ state: 'attached' });
    await page.locator('[data-testid="stats-source-chart"] canvas').first().waitFor({ state: 'attached' });
  });

  await step('the ranking lists the 4 streets', async () => {
    const rows = page.locator('[data-testid="ranking-table"] tbody tr[data-org-id]');
    await rows.first().waitFor({ state: 'visible' });
    const names = await rows.locator('[data-col="name"]').allTextContents();
    const ranks = (await rows.locator('[data-col="rank"]').allTextContents()).map((r) => Number(r.trim()));
    console.log(`  ranking: ${names.map((n, i) => `${ranks[i]}. ${n.trim()}`).join(', ')}`);
    if (names.length !== 4) throw new Error(`expected 4 streets, got ${names.length}: ${names.join(', ')}`);
    if (ranks.some((r, i) => r !== i + 1)) throw new Error(`ranks not 1..4: ${ranks.join(', ')}`);
    await page.locator('[data-testid="ranking-chart"] canvas').first().waitFor({ state: 'attached' });
  });
  await step('the preset 本月 changes the period', async () => {
    await page.locator('[data-testid="stats-presets"] button[data-preset="month"]').click();
    await page.waitForFunction(() => location.hash.includes('from=') &&
      document.querySelector('[data-testid="stats-presets"] button[data-preset="month"]')?.classList.contains('active'));
    await page.locator('[data-testid="stats-figures"]').waitFor({ state: 'visible' });
  });
  await step(`screenshot ${shot('stats')}`, () => page.screenshot({ path: shot('stats'), fullPage: true }));

  await step('挂牌督办 lists at least one supervised hazard', async () => {
    await openFromNav(page, 'supervision', '[data-testid="supervision-page"]');
    const deadline = Date.now() + SUPERVISION_WAIT_MS;
    for (;;) {
      const table = page.locator('[data-testid="supervision-table"]');
      await table.waitFor({ state: 'visible' }).catch(async (err) => {
        const error = await page.locator('[data-testid="supervision-page"] .message-error').first().textContent().catch(() => '');
        throw new Error(error ? `supervision list failed: ${error}` : err.message);
      });
      const count = await table.locator('tbody tr[data-hazard-id]').count();
      if (count > 0) {
        const first = table.locator('tbody tr[data-hazard-id]').first();
        const code = (await first.locator('[data-testid="supervision-code"]').textContent())?.trim();
        const tier = await first.getAttribute('data-tier');
        const href = await first.locator('[data-testid="supervision-code"]').getAttribute('href');
        console.log(`  ${count} listed; first ${code} at tier ${tier} → ${href}`);
        if (!/^#\/hazards\/\d+$/.test(href ?? '')) throw new Error(`code links to ${href}`);
        if (!['district', 'city', 'province'].includes(tier ?? '')) throw new Error(`tier ${tier}`);
        break;
      }
      if (Date.now() > deadline) throw new Error(`nothing listed after ${SUPERVISION_WAIT_MS / 1000} s`);
      await page.waitForTimeout(5000);
      await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    }
  });
  await step('the 已摘牌 tab opens', async () => {
    await page.locator('[data-testid="supervision-tab-delisted"]').click();
    await page.waitForFunction(() => location.hash.includes('active=false'));
    await page.locator('[data-testid="supervision-table"]').waitFor({ state: 'visible' });
  });
  await step(`screenshot ${shot('supervision')}`, async () => {
    await page.locator('[data-testid="supervision-tab-active"]').click();
    await page.locator('[data-testid="supervision-table"] tbody tr[data-hazard-id]').first().waitFor();
    await page.screenshot({ path: shot('supervision'), fullPage: true });
  });

  await step('the header bell shows the unread notifications', async () => {
    const bell = page.locator('header [data-testid="notify-bell"]');
    await bell.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.querySelector('[data-testid="notify-bell"]')?.hasAttribute('data-unread'));
    const unread = Number(await bell.getAttribute('data-unread'));
    console.log(`  ${unread} unread`);
    await bell.click();
    await page.locator('[data-testid="notify-dropdown"]').waitFor({ state: 'visible' });
    if (unread > 0) {
      const item = page.locator('[data-testid="notify-list"] button.bell-item').first();
      await item.waitFor({ state: 'visible' });
      const hazardId = await item.getAttribute('data-hazard-id');
      // The detail page is another page's; record the hash the click asked for, wherever it lands.
      await page.evaluate(() => {
        window.__hashes = [];
        window.addEventListener('hashchange', () => window.__hashes.push(location.hash));
      });
      await item.click();
      await page.waitForFunction((id) => window.__hashes.includes(`#/hazards/${id}`), hazardId);
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="notify-bell"]')?.dataset.unread) < n, unread);
      console.log(`  opened #/hazards/${hazardId}; marked read`);
    } else {
      await page.locator('header [data-testid="notify-bell"]').click();
    }
  });

  await step('sign out', async () => {
    await page.locator('header [data-testid="logout"]').click();
    await page.locator('[data-testid="login-username"]').waitFor({ state: 'visible' });
  });
  await login(page, 'admin', 'demo-admin-2026');

  await step('隐患规则与日历 shows 2026 with the 国庆节 holidays', async () => {
    await openFromNav(page, 'admin/hazard-settings', '[data-testid="calendar-section"]');
    const year = page.locator('[data-testid="calendar-year"]');
    if (await year.inputValue() !== '2026') await year.selectOption('2026');
    const holidays = page.locator('[data-testid="calendar-grid"] .hza-month[data-month="10"] td[data-kind="holiday"]');
    await holidays.first().waitFor({ state: 'visible' });
    const days = await holidays.evaluateAll((cells) => cells.map((c) => `${c.dataset.date} ${c.getAttribute('title')}`));
    const national = days.filter((d) => d.includes('国庆节'));
    console.log(`  October holidays: ${days.map((d) => d.split(' ')[0].slice(5)).join(', ')}`);
    if (national.length < 7) throw new Error(`expected at least 7 国庆节 holidays, got ${JSON.stringify(days)}`);
    const bg = await holidays.first().evaluate((c) => getComputedStyle(c).backgroundColor);
    if (bg === 'rgba(0, 0, 0, 0)' || bg === 'rgb(255, 255, 255)') throw new Error(`holiday not highlighted (${bg})`);
    const workdays = await page.locator('[data-testid="calendar-grid"] td[data-kind="workday"]').count();
    console.log(`  ${workdays} make-up workdays in 2026`);
    await page.locator('[data-testid="policy-rules"] tbody tr').first().waitFor({ state: 'visible' });
    const rules = await page.locator('[data-testid="policy-rules"] tbody tr').count();
    console.log(`  ${rules} deadline rules`);
  });
  await step(`screenshot ${shot('settings')}`, () => page.screenshot({ path: shot('settings'), fullPage: true }));

  await step('台账导入 imports a one-row CSV ledger', async () => {
    await openFromNav(page, 'hazards/import', '[data-testid="hazard-import-page"]');
    await page.locator('[data-testid="import-columns"] tr[data-column="description"]').waitFor();
    await page.locator('[data-testid="import-file"]').setInputFiles({
      name: 'e2e-hazard-ledger.csv', mimeType: 'text/csv', buffer: Buffer.from(ledgerCsv(Date.now().toString(36)), 'utf8'),
    });
    if (await page.locator('[data-testid="import-format"]').inputValue() !== 'csv') throw new Error('format not csv');
    await page.locator('[data-testid="import-submit"]').click();
    const summary = page.locator('[data-testid="import-summary"]');
    await summary.waitFor({ state: 'visible' });
    const message = (await page.locator('[data-testid="import-message"]').textContent())?.trim();
    const problems = await page.locator('[data-testid="import-problems"] tbody tr').allTextContents().catch(() => []);
    console.log(`  report: ${message} ${problems.length ? JSON.stringify(problems) : ''}`);
    const imported = (await page.locator('[data-testid="import-imported"]').textContent().catch(() => ''))?.trim();
    if ((await summary.getAttribute('data-kind')) !== 'done' || imported !== '1') {
      throw new Error(`expected imported 1, got ${imported} (${message})`);
    }
  });
  await step(`screenshot ${SCREENSHOT}`, () => page.screenshot({ path: SCREENSHOT, fullPage: true }));
}, { overallMs: 240_000 });
