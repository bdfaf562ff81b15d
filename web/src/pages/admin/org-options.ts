// Shared organisation helpers for admin pages: loading the whole scoped set, the tree, selects.
import { getAll } from '../../api/client';
import type { Org } from '../../api/types';
import { h } from '../../dom';
import { bindBilingual, catalogues, hasKey } from '../../i18n';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

export function loadAllOrgs(): Promise<{ items: Org[]; truncated: boolean }> {
  return getAll<Org>('/api/v1/orgs');
}

/** Roots are orgs without a parent or whose parent lies outside the caller's scope. */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const org of orgs) nodes.set(String(org.id), { org, children: [] });
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.org.parent_id;
    const parent = parentId === null || parentId === undefined ? undefined : nodes.get(String(parentId));
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sortLevel = (level: OrgNode[]): void => {
    level.sort((a, b) => a.org.name.localeCompare(b.org.name, 'zh-CN'));
    level.forEach((n) => sortLevel(n.children));
  };
  sortLevel(roots);
  return roots;
}

/** Depth-first order with depth, for indented select options. */
export function flattenTree(roots: OrgNode[], depth = 0, out: { org: Org; depth: number }[] = []):
  { org: Org; depth: number }[] {
  for (const node of roots) {
    out.push({ org: node.org, depth });
    flattenTree(node.children, depth + 1, out);
  }
  return out;
}

export function kindText(kind: string, lang: 'zh-CN' | 'en'): string {
  const key = `orgKind.${kind}`;
  return hasKey(key) ? catalogues[lang][key] : kind;
}

export function orgOption(org: Org, depth: number): HTMLOptionElement {
  const option = h('option', { value: String(org.id) });
  const indent = '\u3000'.repeat(depth);
  bindBilingual(option, `${indent}${org.name}（${kindText(org.kind, 'zh-CN')}）`,
    `${indent}${org.name} (${kindText(org.kind, 'en')})`);
  return option;
}

export function orgSelect(orgs: Org[], name: string, testId: string): HTMLSelectElement {
  const select = h('select', { name, 'data-testid': testId });
  for (const { org, depth } of flattenTree(buildOrgTree(orgs))) select.append(orgOption(org, depth));
  return select;
}
