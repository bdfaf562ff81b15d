// Shared harness of the browser tests: Debian's headless Chromium through playwright-core (from
// web/node_modules), named steps, sign-in, and the closing `N passed, M failed` line.
// Env: CITYSAFE_URL (required), CITYSAFE_USER / CITYSAFE_PASSWORD (default admin / demo-admin-2026),
//      CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const BASE_URL = process.env.CITYSAFE_URL;
export const USERNAME = process.env.CITYSAFE_USER || 'admin';
export const PASSWORD = process.env.CITYSAFE_PASSWORD || 'demo-admin-2026';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 20_000;

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // WebGL for MapLibre without a GPU: ANGLE on SwiftShader (software rendering).
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--window-size=1440,900', '--lang=zh-CN',
];

export async function step(name, action) {
  console.log(`- ${name}`);
  try {
    return await action();
  } catch (err) {
    throw new Error(`${name}: ${String(err.message ?? err).split('\n')[0]}`);
  }
}

/**
 * Runs `body(page, pageErrors)` in a fresh browser profile within `overallMs`, then prints
 * `1 passed, 0 failed` or `0 passed, 1 failed` and exits with 0 or 1.
 */
export function runBrowserTest(body, { overallMs = 120_000 } = {}) {
  let context;
  let userDataDir;
  let finished = false;
  const finish = (error) => {
    if (finished) return;
    finished = true;
    if (error) console.error(`FAIL: ${error.message ?? error}`);
    console.log(error ? '0 passed, 1 failed' : '1 passed, 0 failed');
    const cleanup = context ? context.close().catch(() => {}) : Promise.resolve();
    cleanup.finally(() => {
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      process.exit(error ? 1 : 0);
    });
  };
  const run = async () => {
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
    // The console names a refused request's status only; say which request it was.
    page.on('response', (r) => {
      if (r.status() >= 400 && r.status() !== 401) pageErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    await body(page, pageErrors);
    if (pageErrors.length) console.log(`  note: page reported errors: ${pageErrors.join(' | ')}`);
  };
  setTimeout(() => finish(new Error(`overall timeout of ${overallMs / 1000} s exceeded`)), overallMs).unref();
  run().then(() => finish(), (err) => finish(err));
}

export async function signIn(page) {
  await step(`open ${BASE_URL}`, () => page.goto(BASE_URL, { waitUntil: 'domcontentloaded' }));
  await step('sign in', async () => {
    await submitLogin(page, USERNAME, PASSWORD);
  });
}

// Fills the login form and submits it; fails with the page's own message if the login is refused.
export async function submitLogin(page, username, password) {
  await page.locator('[data-testid="login-username"]').fill(username);
  await page.locator('[data-testid="login-password"]').fill(password);
  await page.locator('[data-testid="login-submit"]').click();
  await page.locator('nav.app-nav').waitFor({ state: 'visible' }).catch(async (err) => {
    const loginError = await page.locator('[data-testid="login-error"]').textContent().catch(() => '');
    throw new Error(loginError ? `login rejected: ${loginError}` : err.message);
  });
}

// The response to the next `method` request whose path matches `pattern`.
export function apiAnswer(page, method, pattern) {
  return page.waitForResponse((r) => r.request().method() === method && pattern.test(new URL(r.url()).pathname));
}

// Awaits a response and fails unless it has `status`; its JSON, if any.
export async function expectOk(responsePromise, what, status = 200) {
  const response = await responsePromise;
  if (response.status() !== status) {
    throw new Error(`${what}: HTTP ${response.status()} ${await response.text().catch(() => '')}`);
  }
  return response.json().catch(() => null);
}

// A locator's trimmed text.
export async function text(locator) {
  return ((await locator.textContent()) ?? '').trim();
}
