// Which page renders which hash route.
import type { Route } from '../router';
import { renderAuditPage } from './admin/audit-page';
import { renderOrgDetailPage } from './admin/org-detail-page';
import { renderOrgsPage } from './admin/orgs-page';
import { renderUserDetailPage } from './admin/user-detail-page';
import { renderUsersPage } from './admin/users-page';
import { renderAlarmsPage } from './alarms/alarms-page';
import { renderHazardSettingsPage } from './hazard-admin/settings-page';
import { renderLedgerImportPage } from './hazard-admin/import-page';
import { renderStatsPage } from './hazard-admin/stats-page';
import { renderSupervisionPage } from './hazard-admin/supervision-page';
import { renderHazardBoardPage } from './hazards/hazard-board-page';
import { renderHazardDetailPage } from './hazards/hazard-detail-page';
import { renderHazardNewPage } from './hazards/hazard-new-page';
import { hazardPattern } from './hazards/hazard-routes';
import { renderHazardsPage } from './hazards/hazards-page';
import { renderMapPage } from './map/map-page';
import { renderMonitoringPage } from './monitoring/monitoring-page';
import { sensorPattern } from './monitoring/monitoring-routes';
import { renderRegistryPage } from './monitoring/registry-page';
import { renderSensorPage } from './monitoring/sensor-page';
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
  hazards: renderHazardsPage,
  'hazards/board': renderHazardBoardPage,
  'hazards/new': renderHazardNewPage,
  // #/hazards/12 (numeric ids only); see hazardPattern.
  'hazards/:id': renderHazardDetailPage,
  // Monitoring: the live overview, alarm handling, the registry and one sensor (#/sensors/12).
  monitoring: renderMonitoringPage,
  alarms: renderAlarmsPage,
  sensors: renderRegistryPage,
  'sensors/:id': renderSensorPage,
  warnings: placeholderPage('nav.warnings'),
  emergency: placeholderPage('nav.emergency'),
  'admin/orgs': renderOrgsPage,
  'admin/orgs/:id': renderOrgDetailPage,
  'admin/users': renderUsersPage,
  'admin/users/:id': renderUserDetailPage,
  'admin/audit': renderAuditPage,
  // Hazard supervision, statistics, ledger import and settings: exact routes, matched before any
  // `hazards/:id` pattern.
  supervision: renderSupervisionPage,
  'hazards/stats': renderStatsPage,
  'hazards/import': renderLedgerImportPage,
  'admin/hazard-settings': renderHazardSettingsPage,
};

/** The page for a route, or null when the route is unknown (the caller redirects to the map). */
export function pageFor(route: Route): PageRenderer | null {
  const [first, second, third] = route.segments;
  if (first === 'admin' && !second) return PAGES['admin/orgs'];
  // Exact routes first, so `hazards/stats` wins over a `hazards/:id` pattern.
  const exact = PAGES[route.segments.join('/')];
  if (exact) return exact;
  const pattern = hazardPattern(route.segments) ?? sensorPattern(route.segments)
    ?? (third !== undefined ? `${first}/${second}/:id` : route.segments.join('/'));
  return PAGES[pattern] ?? null;
}
