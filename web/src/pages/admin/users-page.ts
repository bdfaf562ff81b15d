// #/admin/users: users in scope (cursor-paged) and the create form.
import { getPage } from '../../api/client';
import type { Org, User } from '../../api/types';
import { createPagedList } from '../../components/paged-list';
import { enumLabel, h, tableHead, tr } from '../../dom';
import type { PageRenderer } from '../page';
import { loadAllOrgs } from './org-options';
import { createUserForm } from './user-form';

export function statusLabel(user: User): HTMLElement {
  return h('span', { class: user.disabled ? 'badge badge-off' : 'badge badge-on' },
    tr(user.disabled ? 'users.disabled' : 'users.active'));
}

function userRow(user: User, orgs: Org[]): HTMLElement {
  const orgName = orgs.find((o) => String(o.id) === String(user.org_id))?.name ?? String(user.org_id);
  return h('tr', { 'data-user-id': String(user.id) },
    h('td', {}, h('a', { href: `#/admin/users/${user.id}` }, user.username)),
    h('td', {}, user.display_name),
    h('td', {}, orgName),
    h('td', {}, (user.roles ?? []).flatMap((r, i) => (i ? [', ', enumLabel('role', r)] : [enumLabel('role', r)]))),
    h('td', {}, statusLabel(user)));
}

export const renderUsersPage: PageRenderer = (outlet) => {
  const rows = h('tbody');
  let orgs: Org[] = [];
  const list = createPagedList<User>(rows,
    (cursor) => getPage<User>('/api/v1/users', {}, cursor),
    (user) => userRow(user, orgs));
  const formHost = h('div');
  const table = h('table', { class: 'data-table', 'data-testid': 'users-table' },
    tableHead(['users.username', 'users.displayName', 'users.org', 'users.roles', 'users.status']),
    rows);
  outlet.append(h('section', { class: 'page' },
    tr('users.title', undefined, 'h1'),
    h('div', { class: 'two-columns' }, h('div', { class: 'card' }, table, list.footer), formHost)));

  void (async () => {
    try {
      orgs = (await loadAllOrgs()).items;
    } catch {
      orgs = [];
    }
    formHost.replaceChildren(createUserForm(orgs, () => void list.reload()));
    await list.reload();
  })();
};
