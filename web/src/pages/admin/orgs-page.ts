// #/admin/orgs: the organisation tree in scope and the create form.
import { api } from '../../api/client';
import type { Sector } from '../../api/types';
import { errorText } from '../../components/errors';
import { enumLabel, h, tr } from '../../dom';
import { buildHash } from '../../router';
import type { PageRenderer } from '../page';
import { createOrgForm, type OrgForm } from './org-form';
import { buildOrgTree, loadAllOrgs, type OrgNode } from './org-options';

function renderTree(nodes: OrgNode[]): HTMLElement {
  return h('ul', { class: 'org-tree' }, nodes.map((node) => h('li', { 'data-org-id': String(node.org.id) },
    h('div', { class: 'org-node' },
      h('a', { href: buildHash(`admin/orgs/${node.org.id}`) }, node.org.name),
      h('span', { class: `badge kind-${node.org.kind}` }, enumLabel('orgKind', node.org.kind))),
    node.children.length ? renderTree(node.children) : null)));
}

export const renderOrgsPage: PageRenderer = (outlet) => {
  const treeHost = h('div', { 'data-testid': 'org-tree' }, tr('app.loading'));
  const formHost = h('div');
  outlet.append(h('section', { class: 'page' },
    tr('orgs.title', undefined, 'h1'),
    h('div', { class: 'two-columns' },
      h('div', { class: 'card' }, tr('orgs.tree', undefined, 'h2'), treeHost),
      formHost)));

  let form: OrgForm | null = null;
  const refresh = async (): Promise<void> => {
    try {
      const { items, truncated } = await loadAllOrgs();
      treeHost.replaceChildren(
        items.length ? renderTree(buildOrgTree(items)) : tr('orgs.empty', undefined, 'p'),
        truncated ? tr('orgs.truncated', { count: items.length }, 'p') : '');
      form?.setOrgs(items);
    } catch (err) {
      treeHost.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
    }
  };
  void (async () => {
    const sectors = await api<Sector[]>('GET', '/api/v1/sectors').catch((): Sector[] => []);
    form = createOrgForm(sectors, () => void refresh());
    formHost.replaceChildren(form.element);
    await refresh();
  })();
};
