// #/admin/orgs/{id}: one organisation, its parent, and a link to its audit history.
import { api } from '../../api/client';
import type { Org, Sector } from '../../api/types';
import { errorText } from '../../components/errors';
import { detailFrame, enumLabel, h } from '../../dom';
import { bindBilingual } from '../../i18n';
import { AUDIT_ENTITY_ORG } from './audit-entities';
import type { PageRenderer } from '../page';
import { detailList, historyLink } from './detail-list';

function sectorLabels(codes: string[] | undefined, sectors: Sector[]): HTMLElement[] {
  return (codes ?? []).map((code) => {
    const sector = sectors.find((s) => s.code === code);
    const label = h('span', { class: 'badge' });
    bindBilingual(label, sector?.name_zh ?? code, sector?.name_en ?? code);
    return label;
  });
}

export const renderOrgDetailPage: PageRenderer = (outlet, route) => {
  const id = route.segments[2];
  const body = detailFrame(outlet, 'admin/orgs', 'orgs.detail', 'card');

  void (async () => {
    try {
      const org = await api<Org>('GET', `/api/v1/orgs/${encodeURIComponent(id)}`);
      const [parent, sectors] = await Promise.all([
        org.parent_id === null || org.parent_id === undefined ? null
          : api<Org>('GET', `/api/v1/orgs/${encodeURIComponent(String(org.parent_id))}`).catch(() => null),
        org.sectors?.length ? api<Sector[]>('GET', '/api/v1/sectors').catch(() => []) : [],
      ]);
      const location = org.location ? `${org.location.lon}, ${org.location.lat}` : null;
      body.replaceChildren(
        h('h2', { 'data-testid': 'org-detail-name' }, org.name),
        detailList([
          ['orgs.id', String(org.id)],
          ['orgs.kind', enumLabel('orgKind', org.kind)],
          ['orgs.parent', parent ? h('a', { href: `#/admin/orgs/${parent.id}` }, parent.name)
            : org.parent_id ? String(org.parent_id) : null],
          ['orgs.creditCode', org.credit_code || null],
          ['orgs.sectors', sectorLabels(org.sectors, sectors)],
          ['orgs.address', org.address || null],
          ['orgs.location', location],
        ]),
        historyLink(AUDIT_ENTITY_ORG, org.id));
    } catch (err) {
      body.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
    }
  })();
};
