// Header live indicator, a drop-down list of recent events, and short-lived toasts.
import type { DomainEvent } from '../api/types';
import { formatTime, h, tr } from '../dom';
import { bindBilingual, bindText, catalogues, format, type Lang } from '../i18n';
import type { LiveState } from './live-channel';

const KEPT_EVENTS = 50;
const TOAST_MS = 5000;

export interface LivePanel {
  indicator: HTMLElement;
  setState(state: LiveState): void;
  addEvent(event: DomainEvent): void;
}

export function describeEvent(event: DomainEvent, lang: Lang): string {
  const table = catalogues[lang] as Record<string, string>;
  // Orgs and users by name, hazards and alarms by code (BJ00000001).
  const label = event.data?.name ?? event.data?.username ?? event.data?.code;
  return format(table['live.event'], {
    entity: table[`entity.${event.entity}`] ?? event.entity,
    id: typeof label === 'string' && label ? `${event.entity_id} ${label}` : String(event.entity_id),
    action: table[`action.${event.action}`] ?? event.action,
  });
}

/** An element showing the event in whichever language is active, now or after a switch. */
function eventText(event: DomainEvent, tag: 'span' | 'div' = 'span'): HTMLElement {
  const el = h(tag);
  bindBilingual(el, describeEvent(event, 'zh-CN'), describeEvent(event, 'en'));
  return el;
}

export function createLivePanel(toastHost: HTMLElement): LivePanel {
  const label = tr('live.offline');
  const dot = h('span', { class: 'live-dot' });
  const list = h('ol', { class: 'live-list', 'data-testid': 'live-events' });
  const empty = tr('live.empty', undefined, 'p');
  const dropdown = h('div', { class: 'live-dropdown', hidden: true },
    tr('live.title', undefined, 'h3'), empty, list);
  const button = h('button', {
    type: 'button', class: 'live-indicator', 'data-testid': 'live-indicator', 'data-state': 'offline',
    onclick: () => { dropdown.hidden = !dropdown.hidden; },
  }, dot, label);
  bindText(button, 'live.toggle', undefined, 'title');
  const indicator = h('div', { class: 'live' }, button, dropdown);

  return {
    indicator,
    setState(state) {
      button.dataset.state = state;
      bindText(label, `live.${state}`);
    },
    addEvent(event) {
      empty.hidden = true;
      list.prepend(h('li', {}, h('time', {}, formatTime(event.at)), ' ', eventText(event)));
      while (list.children.length > KEPT_EVENTS) list.lastElementChild?.remove();
      showToast(toastHost, eventText(event, 'div'));
    },
  };
}

function showToast(host: HTMLElement, text: HTMLElement): void {
  const toast = h('div', { class: 'toast', role: 'status', 'data-testid': 'toast' }, text);
  host.append(toast);
  window.setTimeout(() => toast.remove(), TOAST_MS);
  while (host.children.length > 4) host.firstElementChild?.remove();
}

