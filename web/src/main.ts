// Entry point: decides between the login page and the signed-in shell, and renders pages on
// hash changes.
import { ApiError, setUnauthenticatedHandler } from './api/client';
import { forgetUser, getUser, loadMe, logout } from './api/session';
import type { Me } from './api/types';
import { errorText } from './components/errors';
import { h } from './dom';
import { getLang, setLang } from './i18n';
import { publicPageFor } from './pages/hazards/public-pages';
import type { PageRenderer } from './pages/page';
import { pageFor } from './pages/routes';
import { renderLoginPage } from './pages/login-page';
import { DEFAULT_HASH, LOGIN_HASH, navigate, startRouter, type Route } from './router';
import { createAppShell, type AppShell } from './shell/app-shell';
import './styles/app.css';
import './styles/risk.css';
import './styles/hazards.css';
import './styles/monitoring.css';

const app = document.getElementById('app') as HTMLElement;
let shell: AppShell | null = null;
let leavePage: (() => void) | void;
/** Where to go after signing in when the user arrived on a deep link. */
let returnTo = DEFAULT_HASH;

function leaveCurrentPage(): void {
  if (leavePage) leavePage();
  leavePage = undefined;
}

function tearDownShell(): void {
  leaveCurrentPage();
  shell?.destroy();
  shell = null;
}

function showLogin(): void {
  tearDownShell();
  app.replaceChildren();
  renderLoginPage(app, () => navigate(returnTo));
}

/** Pages open without a session (#/tip, #/tip/track) render on their own, without the shell. */
function showPublic(page: PageRenderer, route: Route): void {
  tearDownShell();
  app.replaceChildren();
  leavePage = page(app, route);
}

async function ensureUser(): Promise<Me | null> {
  if (getUser()) return getUser();
  try {
    return await loadMe();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    app.replaceChildren(h('p', { class: 'message message-error boot-error' }, errorText(err)));
    return null;
  }
}

async function onRoute(route: Route): Promise<void> {
  if (route.segments[0] === 'login') {
    if (getUser()) navigate(returnTo);
    else showLogin();
    return;
  }
  const publicPage = publicPageFor(route);
  if (publicPage) {
    showPublic(publicPage, route);
    return;
  }
  const user = await ensureUser();
  if (!user) {
    if (!app.querySelector('.boot-error')) {
      returnTo = location.hash && location.hash !== LOGIN_HASH ? location.hash : DEFAULT_HASH;
      navigate(LOGIN_HASH);
    }
    return;
  }
  const page = pageFor(route);
  if (!page) {
    navigate(DEFAULT_HASH);
    return;
  }
  if (!shell) {
    app.replaceChildren();
    shell = createAppShell(user, () => void signOut());
    app.append(shell.root);
  }
  leaveCurrentPage();
  shell.outlet.replaceChildren();
  shell.setActive(route);
  leavePage = page(shell.outlet, route);
}

async function signOut(): Promise<void> {
  try {
    await logout();
  } finally {
    returnTo = DEFAULT_HASH;
    tearDownShell();
    navigate(LOGIN_HASH);
  }
}

setUnauthenticatedHandler(() => {
  if (!getUser()) return;
  forgetUser();
  tearDownShell();
  returnTo = location.hash || DEFAULT_HASH;
  navigate(LOGIN_HASH);
});

setLang(getLang());
if (!location.hash) history.replaceState(null, '', DEFAULT_HASH);
startRouter((route) => void onRoute(route));
