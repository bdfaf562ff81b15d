// #/admin/users/{id}: details, enable/disable, roles, password reset, session revocation, history.
import { api } from '../../api/client';
import type { Org, User } from '../../api/types';
import { errorText, messageLine, showFormError, showMessage } from '../../components/errors';
import { formField } from '../../components/form-field';
import { detailFrame, enumLabel, h, tr } from '../../dom';
import { t } from '../../i18n';
import type { PageRenderer } from '../page';
import { AUDIT_ENTITY_USER } from './audit-entities';
import { detailList, historyLink } from './detail-list';
import { roleCheckboxes } from './role-choices';
import { statusLabel } from './users-page';

function userPath(user: User, suffix = ''): string {
  return `/api/v1/users/${encodeURIComponent(String(user.id))}${suffix}`;
}

type Rerender = (user: User, notice?: string) => void;

function actionsCard(user: User, rerender: Rerender, notice?: string): HTMLElement {
  const message = messageLine('user-action-message');
  if (notice) showMessage(message, notice, 'ok');
  const run = async (action: () => Promise<void>): Promise<void> => {
    try {
      await action();
    } catch (err) {
      showMessage(message, errorText(err), 'error');
    }
  };

  const toggle = h('button', { type: 'button', 'data-testid': 'user-toggle-disabled', onclick: () => run(async () => {
    rerender(await api<User>('PATCH', userPath(user), { disabled: !user.disabled }), t('users.saved'));
  }) }, tr(user.disabled ? 'users.enable' : 'users.disable'));

  const revoke = h('button', { type: 'button', 'data-testid': 'user-revoke-sessions', onclick: () => run(async () => {
    await api<void>('POST', userPath(user, '/revoke-sessions'));
    showMessage(message, t('users.sessionsRevoked'), 'ok');
  }) }, tr('users.revokeSessions'));

  const roles = roleCheckboxes(user.roles);
  const rolesForm = h('form', { class: 'form' }, formField('users.roles', roles.element, 'roles'),
    h('button', { type: 'submit' }, tr('common.save')));
  const rolesMessage = messageLine('user-roles-message');
  rolesForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      rerender(await api<User>('PATCH', userPath(user), { roles: roles.values() }), t('users.saved'));
    } catch (err) {
      showFormError(rolesForm, rolesMessage, err);
    }
  });

  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password',
    'data-testid': 'user-new-password' });
  const passwordMessage = messageLine('user-password-message');
  const passwordForm = h('form', { class: 'form' }, formField('users.newPassword', password, 'password'),
    passwordMessage, h('button', { type: 'submit' }, tr('users.resetPassword')));
  passwordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api<void>('POST', userPath(user, '/password'), { password: password.value });
      password.value = '';
      showMessage(passwordMessage, t('users.passwordReset'), 'ok');
    } catch (err) {
      showFormError(passwordForm, passwordMessage, err);
    }
  });

  return h('div', { class: 'card' }, tr('users.actions', undefined, 'h2'),
    h('div', { class: 'button-row' }, toggle, revoke), message,
    rolesForm, rolesMessage, passwordForm);
}

export const renderUserDetailPage: PageRenderer = (outlet, route) => {
  const id = route.segments[2];
  const body = detailFrame(outlet, 'admin/users', 'users.detail', 'two-columns');

  let orgName: string | undefined;
  const render = (user: User, notice?: string): void => {
    body.replaceChildren(
      h('div', { class: 'card' },
        h('h2', { 'data-testid': 'user-detail-name' }, user.display_name || user.username),
        detailList([
          ['orgs.id', String(user.id)],
          ['users.username', user.username],
          ['users.org', h('a', { href: `#/admin/orgs/${user.org_id}` }, orgName ?? String(user.org_id))],
          ['users.roles', (user.roles ?? []).map((r) => h('span', { class: 'badge' }, enumLabel('role', r)))],
          ['users.status', statusLabel(user)],
        ]),
        historyLink(AUDIT_ENTITY_USER, user.id)),
      actionsCard(user, render, notice));
  };

  void (async () => {
    try {
      const user = await api<User>('GET', `/api/v1/users/${encodeURIComponent(id)}`);
      orgName = (await api<Org>('GET', `/api/v1/orgs/${encodeURIComponent(String(user.org_id))}`).catch(() => null))?.name;
      render(user);
    } catch (err) {
      body.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
    }
  })();
};
