// Shapes of the JSON the server returns (docs/http-api.md). Optional fields are ones the
// contract does not pin down; the UI copes when they are absent.

import type { components } from './openapi.gen';

/** The server's shapes, generated from openapi.json (src/api/openapi.gen.ts). */
type Schemas = components['schemas'];

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** A problem+json error as the server sends it; a body that is not one reads as Partial<Problem>. */
export type Problem = Schemas['Problem'];

export interface Me {
  id: string | number;
  username: string;
  display_name: string;
  org_id: string | number;
  org_name: string;
  roles: string[];
  permissions: string[];
}

export interface LoginResponse {
  user: Partial<Me>;
  token?: string;
  expires_at?: string;
}

export type Sector = Schemas['Sector'];

export const ORG_KINDS = ['city', 'district', 'street', 'community', 'enterprise', 'department'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export interface LonLat {
  lon: number;
  lat: number;
}

export type Org = Schemas['Organisation'];

export interface NewOrg {
  name: string;
  kind: string;
  parent_id?: string | number;
  credit_code?: string;
  sectors?: string[];
  address?: string;
  location?: LonLat;
}

export const ROLES = [
  'admin', 'leader', 'duty_officer', 'department_officer', 'street_officer', 'inspector',
  'enterprise_manager',
] as const;

/** A user as listed; the organisation's name comes from the org tree (only /auth/me names it). */
export type User = Schemas['User'];

export interface NewUser {
  username: string;
  display_name: string;
  org_id: string | number;
  roles: string[];
  password: string;
}

export interface AuditRecord {
  seq?: number;
  id?: string | number;
  at: string;
  actor?: string | number | null;
  actor_id?: string | number | null;
  actor_name?: string | null;
  scope_path?: string;
  action: string;
  entity: string;
  entity_id: string | number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  first_broken_seq?: number;
  reason?: string;
  problems?: string[];
  checkpoints?: number;
  rows_checked?: number;
  rows_unchecked?: number;
}

export interface BasemapInfo {
  source: string;
  bbox: [number, number, number, number];
  center: [number, number];
  features: number;
}

export interface BasemapProperties {
  layer: 'road' | 'building' | 'water' | 'landuse';
  class?: string | null;
  name?: string | null;
}

export interface DomainEvent {
  type: string;
  entity: string;
  entity_id: string | number;
  action: string;
  org_id?: string | number;
  at: string;
  /** A few fields of the entity, e.g. {name} for an org or {username} for a user. */
  data?: Record<string, unknown> | null;
}
