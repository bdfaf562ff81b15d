// The sign-in form. POSTs the credentials; the server answers with the cs_session cookie.
import { login } from '../api/session';
import type { Me } from '../api/types';
import { errorText, hideMessage, messageLine, showMessage } from '../components/errors';
import { h, tr } from '../dom';
import { bindText, t, toggleLang } from '../i18n';

export function renderLoginPage(host: HTMLElement, onSignedIn: (user: Me) => void): void {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, 'data-testid': 'login-username' });
  const password = h('input', {
    name: 'password', type: 'password', autocomplete: 'current-password', required: true,
    'data-testid': 'login-password',
  });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'login-submit' }, tr('login.submit'));
  const error = messageLine('login-error');

  const form = h('form', { class: 'login-form', novalidate: true },
    h('label', {}, tr('login.username'), username),
    h('label', {}, tr('login.password'), password),
    error,
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    hideMessage(error);
    submit.disabled = true;
    bindText(submit.firstElementChild as Element, 'login.submitting');
    try {
      onSignedIn(await login(username.value.trim(), password.value));
    } catch (err) {
      showMessage(error, t('login.failed', { detail: errorText(err) }), 'error');
      password.select();
    } finally {
      submit.disabled = false;
      bindText(submit.firstElementChild as Element, 'login.submit');
    }
  });

  const langButton = h('button', { type: 'button', class: 'lang-switch', 'data-testid': 'lang-switch', onclick: toggleLang });
  bindText(langButton, 'app.langSwitch');

  host.append(h('div', { class: 'login-page' },
    h('section', { class: 'login-card' },
      h('div', { class: 'login-top' }, h('span', { class: 'brand-mark' }, 'CS'), langButton),
      tr('app.name', undefined, 'h1'),
      tr('login.subtitle', undefined, 'p'),
      tr('login.title', undefined, 'h2'),
      form,
      h('p', { class: 'login-links' },
        h('a', { href: '#/tip', 'data-testid': 'login-tip-link' }, tr('login.tipLink')),
        h('a', { href: '#/tip/track', 'data-testid': 'login-track-link' }, tr('login.trackLink'))))));
  username.focus();
}
