// The frame of the pages anyone may open without signing in (#/tip, #/tip/track): the product
// name, the language switch and links between them and to the staff sign-in.
import { h, tr } from '../../dom';
import { applyTranslations, bindText, toggleLang } from '../../i18n';

export function publicFrame(host: HTMLElement, active: 'tip' | 'track', content: HTMLElement): void {
  const langButton = h('button', { type: 'button', class: 'lang-switch', 'data-testid': 'lang-switch', onclick: toggleLang });
  bindText(langButton, 'app.langSwitch');
  const link = (href: string, key: 'tip.title' | 'tip.track' | 'tip.staffLogin', name: string): HTMLElement =>
    h('a', { href, class: name === active ? 'active' : '', 'data-testid': `public-link-${name}` }, tr(key));
  const root = h('div', { class: 'public-page', 'data-testid': 'public-page' },
    h('header', { class: 'public-header' },
      h('a', { class: 'brand', href: '#/tip' }, h('span', { class: 'brand-mark' }, 'CS'), tr('app.name')),
      langButton),
    h('nav', { class: 'public-nav' }, link('#/tip', 'tip.title', 'tip'), link('#/tip/track', 'tip.track', 'track'),
      link('#/login', 'tip.staffLogin', 'login')),
    h('main', { class: 'public-main' }, content));
  applyTranslations(root);
  host.append(root);
}
