// Entity names as the audit log records them (GET /api/v1/audit?entity=...). Assumed to be
// 'org' and 'user'; change here if the server names them differently.
export const AUDIT_ENTITY_ORG = 'org';
export const AUDIT_ENTITY_USER = 'user';
export const AUDIT_ENTITY_RISK_POINT = 'risk_point';
export const AUDIT_ENTITY_SENSOR = 'sensor';

/** Where the UI shows an audited entity, if it has a page. */
export function entityHash(entity: string, id: string | number): string | null {
  if (entity === AUDIT_ENTITY_ORG || entity === 'organisation' || entity === 'organization') return `#/admin/orgs/${id}`;
  if (entity === AUDIT_ENTITY_USER) return `#/admin/users/${id}`;
  if (entity === AUDIT_ENTITY_RISK_POINT) return `#/risk/points/${id}`;
  if (entity === AUDIT_ENTITY_SENSOR) return `#/sensors/${id}`;
  return null;
}
