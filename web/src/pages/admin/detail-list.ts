// A definition list of label/value rows for detail pages.
import { h, tr, type Child } from '../../dom';
import type { MessageKey } from '../../i18n';

export function detailList(rows: [MessageKey, Child | Child[]][]): HTMLElement {
  return h('dl', { class: 'details' }, rows.map(([label, value]) => [
    h('dt', {}, tr(label)),
    h('dd', {}, ...(Array.isArray(value) ? value : [value ?? '—'])),
  ]).flat());
}

export function historyLink(entity: string, id: string | number): HTMLElement {
  return h('a', { class: 'history-link', 'data-testid': 'history-link',
    href: `#/admin/audit?entity=${encodeURIComponent(entity)}&entity_id=${encodeURIComponent(String(id))}` },
  tr('common.history'));
}
