// Modules planned for later releases show what they are and that they are coming, never a blank page.
import { h, tr } from '../dom';
import type { MessageKey } from '../i18n';
import type { PageRenderer } from './page';

export function placeholderPage(title: MessageKey): PageRenderer {
  return (outlet) => {
    outlet.append(h('section', { class: 'placeholder', 'data-testid': 'placeholder' },
      tr(title, undefined, 'h1'),
      tr('placeholder.body', undefined, 'p'),
      h('p', { class: 'muted' }, tr('placeholder.hint'))));
  };
}
