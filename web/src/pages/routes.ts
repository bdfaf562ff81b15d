// Which page renders which hash route.
import type { Route } from '../router';
import { renderAuditPage } from './admin/audit-page';
import { renderOrgDetailPage } from './admin/org-detail-page';
import { renderOrgsPage } from './admin/orgs-page';
import { renderUserDetailPage } from './admin/user-detail-page';
import { renderUsersPage } from './admin/users-page';
import { renderMapPage } from './map/map-page';
import { renderImportPage } from './risk/import-page';
import { renderIndexPage } from './risk/index-page';
import { renderRiskListsPage } from './risk/risk-lists-page';
import { renderRiskMapPage } from './risk/risk-map-page';
import { renderRiskPointPage } from './risk/risk-point-page';
import type { PageRenderer } from './page';
import { placeholderPage } from './placeholder-page';

const PAGES: Record<string, PageRenderer> = {
  map: renderRiskMapPage,
  basemap: renderMapPage,
  risk: renderRiskListsPage,
  'risk/lists': renderRiskListsPage,
  'risk/lists/:id': renderRiskListsPage,
  'risk/points/:id': renderRiskPointPage,
  'risk/index': renderIndexPage,
  'risk/import': renderImportPage,
  hazards: placeholderPage('nav.hazards'),
  monitoring: placeholderPage('nav.monitoring'),
  warnings: placeholderPage('nav.warnings'),
  emergency: placeholderPage('nav.emergency'),
  'admin/orgs': renderOrgsPage,
  'admin/orgs/:id': renderOrgDetailPage,
  'admin/users': renderUsersPage,
  'admin/users/:id': renderUserDetailPage,
  'admin/audit': renderAuditPage,
};

/** The page for a route, or null when the route is unknown (the caller redirects to the map). */
export function pageFor(route: Route): PageRenderer | null {
  const [first, second, third] = route.segments;
  if (first === 'admin' && !second) return PAGES['admin/orgs'];
  const pattern = third !== undefined ? `${first}/${second}/:id` : route.segments.join('/');
  return PAGES[pattern] ?? null;
}
