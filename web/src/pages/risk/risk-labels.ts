// Small DOM pieces shared by the risk pages: colour badges, kind and sector labels, reference data.
import { api } from '../../api/client';
import type { Colour } from '../../api/risk-types';
import type { Org, Sector } from '../../api/types';
import { enumLabel, h, tr } from '../../dom';
import { bindBilingual } from '../../i18n';
import { loadAllOrgs } from '../admin/org-options';
import { COLOUR_HEX, NO_COLOUR_HEX, gradeKey } from './risk-model';

export function swatch(colour: Colour | null): HTMLElement {
  return h('span', { class: 'risk-swatch', style: `background:${colour ? COLOUR_HEX[colour] : NO_COLOUR_HEX}` });
}

/** 「● 重大风险」 with the major-hazard grade beside it when there is one. */
export function colourBadge(colour: Colour | null, grade?: number | null): HTMLElement {
  const key = gradeKey(grade);
  return h('span', { class: `risk-badge risk-${colour ?? 'none'}`, 'data-colour': colour ?? '' },
    swatch(colour), tr(colour ? `risk.level.${colour}` : 'risk.level.none'),
    key ? h('span', { class: 'grade-badge', 'data-testid': 'grade-badge' }, tr(key)) : null);
}

export function kindLabel(kind: string): HTMLElement {
  return enumLabel('risk.kind', kind);
}

export interface RefData {
  sectors: Sector[];
  orgs: Org[];
}

export async function loadRefData(): Promise<RefData> {
  const [sectors, orgs] = await Promise.all([
    api<Sector[]>('GET', '/api/v1/sectors').catch((): Sector[] => []),
    loadAllOrgs().then((r) => r.items).catch((): Org[] => []),
  ]);
  return { sectors, orgs };
}

export function sectorLabel(code: string | null | undefined, sectors: Sector[]): HTMLElement {
  const el = h('span');
  const sector = sectors.find((s) => s.code === code);
  if (sector) bindBilingual(el, sector.name_zh, sector.name_en);
  else el.textContent = code || '—';
  return el;
}

export function orgLabel(id: string | number | null | undefined, name: string | null | undefined, orgs: Org[]): string {
  return name || orgName(id, orgs);
}

/** An organisation's name from the org tree the page loaded (the server sends only its id). */
export function orgName(id: string | number | null | undefined, orgs: Org[]): string {
  if (id === null || id === undefined) return '—';
  return orgs.find((o) => String(o.id) === String(id))?.name ?? `#${id}`;
}
