// The header bell: the number of unread hazard notifications of the user's organisation (due soon,
// overdue, escalated, extensions), refreshed every minute and whenever a hazard.* live event
// arrives; its drop-down lists them, and clicking one marks it read and opens the hazard.
import { api } from '../api/client';
import type { DomainEvent } from '../api/types';
import { formatTime, h, tr } from '../dom';
import { bindText, hasKey } from '../i18n';
import { navigate } from '../router';
import type { HazardNotification } from '../pages/hazard-admin/types';
import '../styles/hazard-admin.css';

const REFRESH_MS = 60_000;
/** Live events come in bursts (the scheduler's sweep): one request for a burst. */
const EVENT_DELAY_MS = 800;
const SHOWN = 50;

export interface NotificationBell {
  element: HTMLElement;
  onEvent(event: DomainEvent): void;
  destroy(): void;
}

/** The badge text: nothing for none, 99+ beyond 99. */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}

export function isHazardEvent(event: Pick<DomainEvent, 'type'>): boolean {
  return typeof event.type === 'string' && event.type.startsWith('hazard.');
}

const BELL_SVG = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" '
  + 'd="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 '
  + '5 11v5l-2 2v1h18v-1l-2-2Z"/></svg>';

export function createNotificationBell(): NotificationBell {
  let items: HazardNotification[] = [];
  let timer: number | undefined;
  let eventTimer: number | undefined;
  let generation = 0;

  const count = h('span', { class: 'bell-count', 'data-testid': 'notify-count', hidden: true });
  const icon = h('span', { class: 'bell-icon' });
  icon.innerHTML = BELL_SVG;
  const button = h('button', { type: 'button', class: 'bell', 'data-testid': 'notify-bell', 'aria-haspopup': 'true' }, icon, count);
  bindText(button, 'notify.title', undefined, 'title');
  bindText(button, 'notify.title', undefined, 'aria-label');
  const list = h('ul', { class: 'bell-list', 'data-testid': 'notify-list' });
  const empty = tr('notify.empty', undefined, 'p');
  empty.className = 'muted';
  const dropdown = h('div', { class: 'bell-dropdown', 'data-testid': 'notify-dropdown', hidden: true },
    tr('notify.title', undefined, 'h3'), empty, list);
  const element = h('div', { class: 'bell-wrap' }, button, dropdown);

  const kindLabel = (kind: string): HTMLElement => {
    const key = `notify.kind.${kind}`;
    const el = hasKey(key) ? tr(key) : h('span', {}, kind);
    el.className = `bell-kind bell-kind-${kind}`;
    return el;
  };

  const open = async (n: HazardNotification): Promise<void> => {
    dropdown.hidden = true;
    try {
      await api<void>('POST', `/api/v1/notifications/${n.id}/read`);
    } catch {
      /* still open the hazard; the count is refreshed below */
    }
    navigate(`#/hazards/${n.hazard_id}`);
    void refresh();
  };

  const renderList = (): void => {
    const shown = items.slice(0, SHOWN);
    list.replaceChildren(...shown.map((n) => h('li', {},
      h('button', { type: 'button', class: 'bell-item', 'data-notification-id': String(n.id), 'data-hazard-id': String(n.hazard_id),
        onclick: () => void open(n) },
      h('span', { class: 'bell-item-head' }, kindLabel(n.kind), h('time', {}, formatTime(n.at))),
      h('span', { class: 'bell-message' }, n.message)))));
    empty.hidden = shown.length > 0;
  };

  const refresh = async (): Promise<void> => {
    const mine = ++generation;
    try {
      const answer = await api<{ items: HazardNotification[] }>('GET', '/api/v1/notifications?unread=true');
      if (mine !== generation) return;
      items = (answer.items ?? []).filter((n) => !n.read_at).sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
    } catch {
      if (mine !== generation) return;
      items = [];
    }
    const text = badgeText(items.length);
    count.textContent = text;
    count.hidden = !text;
    button.dataset.unread = String(items.length);
    renderList();
  };

  const toggle = (): void => {
    dropdown.hidden = !dropdown.hidden;
    if (!dropdown.hidden) void refresh();
  };
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    toggle();
  });
  const closeOutside = (event: MouseEvent): void => {
    if (!dropdown.hidden && !element.contains(event.target as Node)) dropdown.hidden = true;
  };
  document.addEventListener('click', closeOutside);

  void refresh();
  timer = window.setInterval(() => void refresh(), REFRESH_MS);

  return {
    element,
    onEvent(event) {
      if (!isHazardEvent(event)) return;
      window.clearTimeout(eventTimer);
      eventTimer = window.setTimeout(() => void refresh(), EVENT_DELAY_MS);
    },
    destroy() {
      window.clearInterval(timer);
      window.clearTimeout(eventTimer);
      timer = undefined;
      generation++;
      document.removeEventListener('click', closeOutside);
    },
  };
}
