// Cursor pagination: rows appended page by page with a "load more" button driven by next_cursor.
import type { Page } from '../api/types';
import { h, tr } from '../dom';
import { errorText, hideMessage, messageLine, showMessage } from './errors';

export interface PagedList {
  /** Put after the table: the load-more button, the empty note and the error line. */
  footer: HTMLElement;
  reload(): Promise<void>;
}

export function createPagedList<T>(
  rows: HTMLElement,
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  renderRow: (item: T) => HTMLElement,
): PagedList {
  let cursor: string | null = null;
  let generation = 0;
  const more = h('button', { type: 'button', class: 'load-more', 'data-testid': 'load-more', hidden: true },
    tr('common.loadMore'));
  const empty = h('p', { class: 'muted', hidden: true }, tr('common.empty'));
  const error = messageLine('list-error');

  const load = async (reset: boolean): Promise<void> => {
    const mine = reset ? ++generation : generation;
    more.disabled = true;
    hideMessage(error);
    try {
      const page = await fetchPage(reset ? null : cursor);
      if (mine !== generation) return;
      if (reset) rows.replaceChildren();
      rows.append(...page.items.map(renderRow));
      cursor = page.next_cursor;
      more.hidden = !cursor;
      empty.hidden = rows.children.length > 0;
    } catch (err) {
      if (mine === generation) showMessage(error, errorText(err), 'error');
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load(false));

  return { footer: h('div', { class: 'list-footer' }, empty, error, more), reload: () => load(true) };
}
