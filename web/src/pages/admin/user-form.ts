// Create-user form: username, display name, organisation, roles and an initial password.
import { api } from '../../api/client';
import { getUser } from '../../api/session';
import type { NewUser, Org, User } from '../../api/types';
import { messageLine, onSubmit, showFormError, showMessage } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { t } from '../../i18n';
import { orgSelect } from './org-options';
import { roleCheckboxes } from './role-choices';

export function createUserForm(orgs: Org[], onCreated: (user: User) => void): HTMLElement {
  const username = h('input', { name: 'username', autocomplete: 'off', 'data-testid': 'user-username' });
  const displayName = h('input', { name: 'display_name', 'data-testid': 'user-display-name' });
  const org = orgSelect(orgs, 'org_id', 'user-org');
  const ownOrg = getUser()?.org_id;
  if (ownOrg !== undefined && orgs.some((o) => String(o.id) === String(ownOrg))) org.value = String(ownOrg);
  const roles = roleCheckboxes();
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password',
    'data-testid': 'user-password' });
  const general = messageLine('user-form-message');

  const form = h('form', { class: 'card form', 'data-testid': 'user-form', novalidate: true },
    tr('users.create', undefined, 'h2'),
    formField('users.username', username, 'username'),
    formField('users.displayName', displayName, 'display_name'),
    formField('users.org', org, 'org_id'),
    formField('users.roles', roles.element, 'roles'),
    formField('users.password', password, 'password'),
    general,
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'user-submit' }, tr('users.submit')));

  onSubmit(form, general, async () => {
    const chosenOrg = orgs.find((o) => String(o.id) === org.value);
    const body: NewUser = {
      username: username.value.trim(),
      display_name: displayName.value.trim(),
      org_id: chosenOrg?.id ?? org.value,
      roles: roles.values(),
      password: password.value,
    };
    try {
      const created = await api<User>('POST', '/api/v1/users', body);
      showMessage(general, t('users.created', { name: created.username ?? body.username }), 'ok');
      username.value = '';
      displayName.value = '';
      password.value = '';
      onCreated(created);
    } catch (err) {
      showFormError(form, general, err);
    }
  });
  return form;
}
