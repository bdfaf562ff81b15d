// A small element builder so pages read as a tree instead of createElement chains.
import { bindText, hasKey, type MessageArgs, type MessageKey } from './i18n';

export type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined | EventListener;
export type Attrs = Record<string, AttrValue>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) setAttr(el, name, value);
  append(el, ...children);
  return el;
}

function setAttr(el: HTMLElement, name: string, value: AttrValue): void {
  if (value === null || value === undefined || value === false) return;
  if (typeof value === 'function') {
    el.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
  } else if (name === 'class') {
    el.className = String(value);
  } else if (name === 'value' && 'value' in el) {
    (el as HTMLInputElement).value = String(value);
  } else if (name === 'checked' && el instanceof HTMLInputElement) {
    el.checked = Boolean(value);
  } else {
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A span whose text follows the active language. */
export function tr(key: MessageKey, args?: MessageArgs, tag: keyof HTMLElementTagNameMap = 'span'): HTMLElement {
  const el = document.createElement(tag);
  bindText(el, key, args);
  return el;
}

/** A translated label for an enumerated value (org kind, role, ...), or the raw value if unknown. */
/**
 * A detail page's frame: a link back to the list at `backPath`, the title, and a body showing
 * "loading" until the caller fills it. Returns the body.
 */
export function detailFrame(outlet: HTMLElement, backPath: string, title: MessageKey, bodyClass: string): HTMLElement {
  const body = h('div', { class: bodyClass }, tr('app.loading'));
  outlet.append(h('section', { class: 'page' },
    h('a', { href: `#/${backPath}`, class: 'back' }, '← ', tr('common.back')),
    tr(title, undefined, 'h1'), body));
  return body;
}

/** A table's header row, one translated heading per key. */
export function tableHead(keys: MessageKey[]): HTMLElement {
  return h('thead', {}, h('tr', {}, keys.map((key) => h('th', {}, tr(key)))));
}

export function enumLabel(prefix: string, value: string): HTMLElement {
  const key = `${prefix}.${value}`;
  if (hasKey(key)) return tr(key);
  return h('span', {}, value);
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // The server already speaks Asia/Shanghai; show its wall-clock text without the offset.
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : date.toLocaleString();
}
