// The left navigation: one entry per module; risk (map, three lists, safety index, import) first,
// admin with its three sub-pages. An entry that names a permission shows only to users who have it
// (the server still checks every request).
import { h, tr } from '../dom';
import type { MessageKey } from '../i18n';
import type { Route } from '../router';

interface NavItem {
  path: string;
  label: MessageKey;
  children?: NavItem[];
  /** Shown only with this permission (GET /auth/me `permissions`). */
  permission?: string;
}

export const NAV_ITEMS: NavItem[] = [
  {
    path: 'risk', label: 'nav.risk', children: [
      { path: 'map', label: 'nav.map' },
      { path: 'risk/lists', label: 'nav.riskLists' },
      { path: 'risk/index', label: 'nav.safetyIndex' },
      { path: 'risk/import', label: 'nav.riskImport' },
    ],
  },
  {
    path: 'hazards', label: 'nav.hazards', children: [
      { path: 'hazards', label: 'nav.hzList' },
      { path: 'hazards/board', label: 'nav.hzBoard' },
      { path: 'hazards/new', label: 'nav.hazardNew' },
      { path: 'supervision', label: 'nav.hzSupervision' },
      { path: 'hazards/stats', label: 'nav.hzStats' },
      { path: 'hazards/import', label: 'nav.hzImport' },
    ],
  },
  {
    path: 'monitoring', label: 'nav.monitoring', permission: 'monitor.read', children: [
      { path: 'monitoring', label: 'nav.monOverview' },
      { path: 'alarms', label: 'nav.alarms' },
      { path: 'sensors', label: 'nav.sensors' },
    ],
  },
  { path: 'warnings', label: 'nav.warnings' },
  { path: 'emergency', label: 'nav.emergency' },
  { path: 'basemap', label: 'nav.basemap' },
  {
    path: 'admin', label: 'nav.admin', children: [
      { path: 'admin/orgs', label: 'nav.orgs' },
      { path: 'admin/users', label: 'nav.users' },
      { path: 'admin/audit', label: 'nav.audit' },
      { path: 'admin/hazard-settings', label: 'nav.hzSettings' },
    ],
  },
];

/** The entries a user with these permissions sees. */
export function visibleItems(items: NavItem[], permissions: readonly string[]): NavItem[] {
  return items.filter((item) => !item.permission || permissions.includes(item.permission))
    .map((item) => (item.children ? { ...item, children: visibleItems(item.children, permissions) } : item));
}

export function createNavigation(permissions: readonly string[] = []): { element: HTMLElement; setActive(route: Route): void } {
  const links: { paths: string[]; link: HTMLAnchorElement; leaf: boolean }[] = [];
  const renderItem = (item: NavItem): HTMLElement => {
    // A group with a child at its own path (隐患治理 and 隐患列表 at #/hazards) is marked `<path>-group`.
    const sameAsChild = item.children?.some((c) => c.path === item.path) ?? false;
    const link = h('a', { href: `#/${item.path}`, 'data-nav': sameAsChild ? `${item.path}-group` : item.path }, tr(item.label));
    // A group is active with any of its children (the risk map lives outside #/risk/...).
    links.push({ paths: [item.path, ...(item.children ?? []).map((c) => c.path)], link, leaf: !item.children });
    const sub = item.children ? h('ul', {}, item.children.map(renderItem)) : null;
    return h('li', {}, link, sub);
  };
  const list = h('ul', {}, visibleItems(NAV_ITEMS, permissions).map(renderItem));
  const element = h('nav', { class: 'app-nav', 'data-i18n-aria-label': 'nav.label' }, list);

  return {
    element,
    setActive(route) {
      const current = route.segments.join('/');
      const matches = (path: string): boolean => current === path || current.startsWith(`${path}/`);
      // Of the leaves, only the most specific match is active (#/hazards/stats is not 隐患列表).
      const best = links.filter((l) => l.leaf && matches(l.paths[0]))
        .reduce((a, l) => Math.max(a, l.paths[0].length), -1);
      for (const { paths, link, leaf } of links) {
        const active = leaf ? matches(paths[0]) && paths[0].length === best : paths.some(matches);
        link.classList.toggle('active', active);
        if (active) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
  };
}
