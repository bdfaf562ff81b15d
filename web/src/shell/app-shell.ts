// The signed-in frame: header (product, user, org, live indicator, language, logout),
// left navigation, the page outlet, and the live event channel.
import type { Me } from '../api/types';
import { h, tr } from '../dom';
import { applyTranslations, bindText, toggleLang } from '../i18n';
import type { Route } from '../router';
import { dispatchLiveEvent, eventsUrl, isStreamEvent, LiveChannel } from './live-channel';
import { createLivePanel } from './live-panel';
import { createNavigation } from './navigation';
import { createNotificationBell } from './notification-bell';

export interface AppShell {
  root: HTMLElement;
  outlet: HTMLElement;
  setActive(route: Route): void;
  destroy(): void;
}

export function createAppShell(user: Me, onLogout: () => void): AppShell {
  const toastHost = h('div', { class: 'toast-host', 'aria-live': 'polite' });
  const live = createLivePanel(toastHost);
  const bell = createNotificationBell();
  const channel = new LiveChannel(eventsUrl(), {
    onState: live.setState,
    onEvent: (event) => {
      dispatchLiveEvent(event);
      if (isStreamEvent(event)) return;
      live.addEvent(event);
      bell.onEvent(event);
    },
  });

  const langButton = h('button', {
    type: 'button', class: 'lang-switch', 'data-testid': 'lang-switch', onclick: toggleLang,
  });
  bindText(langButton, 'app.langSwitch');
  bindText(langButton, 'app.langSwitchTitle', undefined, 'title');

  const logoutButton = h('button', { type: 'button', class: 'logout', 'data-testid': 'logout', onclick: onLogout },
    tr('app.logout'));

  const header = h('header', { class: 'app-header' },
    h('a', { class: 'brand', href: '#/map' }, h('span', { class: 'brand-mark' }, 'CS'), tr('app.name')),
    h('div', { class: 'header-tools' },
      live.indicator,
      bell.element,
      h('span', { class: 'user', 'data-testid': 'user-name' }, user.display_name || user.username),
      h('span', { class: 'org', 'data-testid': 'user-org' }, user.org_name),
      langButton,
      logoutButton));

  const navigation = createNavigation(user.permissions ?? []);
  const outlet = h('main', { class: 'app-main', id: 'page' });
  const root = h('div', { class: 'app-shell' }, header, h('div', { class: 'app-body' }, navigation.element, outlet),
    toastHost);
  applyTranslations(root);
  channel.start();

  return {
    root,
    outlet,
    setActive: navigation.setActive,
    destroy() {
      channel.stop();
      bell.destroy();
      root.remove();
    },
  };
}
