// The left navigation: one entry per module; risk (map, three lists, safety index, import) first,
// admin with its three sub-pages.
import { h, tr } from '../dom';
import type { MessageKey } from '../i18n';
import type { Route } from '../router';

interface NavItem {
  path: string;
  label: MessageKey;
  children?: NavItem[];
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
  { path: 'hazards', label: 'nav.hazards' },
  { path: 'monitoring', label: 'nav.monitoring' },
  { path: 'warnings', label: 'nav.warnings' },
  { path: 'emergency', label: 'nav.emergency' },
  { path: 'basemap', label: 'nav.basemap' },
  {
    path: 'admin', label: 'nav.admin', children: [
      { path: 'admin/orgs', label: 'nav.orgs' },
      { path: 'admin/users', label: 'nav.users' },
      { path: 'admin/audit', label: 'nav.audit' },
    ],
  },
];

export function createNavigation(): { element: HTMLElement; setActive(route: Route): void } {
  const links: { paths: string[]; link: HTMLAnchorElement }[] = [];
  const renderItem = (item: NavItem): HTMLElement => {
    const link = h('a', { href: `#/${item.path}`, 'data-nav': item.path }, tr(item.label));
    // A group is active with any of its children (the risk map lives outside #/risk/...).
    links.push({ paths: [item.path, ...(item.children ?? []).map((c) => c.path)], link });
    const sub = item.children ? h('ul', {}, item.children.map(renderItem)) : null;
    return h('li', {}, link, sub);
  };
  const list = h('ul', {}, NAV_ITEMS.map(renderItem));
  const element = h('nav', { class: 'app-nav', 'data-i18n-aria-label': 'nav.label' }, list);

  return {
    element,
    setActive(route) {
      const current = route.segments.join('/');
      for (const { paths, link } of links) {
        const active = paths.some((path) => current === path || current.startsWith(`${path}/`));
        link.classList.toggle('active', active);
        if (active) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
  };
}
