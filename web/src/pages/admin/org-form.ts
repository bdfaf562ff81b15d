// Create-organisation form. Enterprises need a unified social credit code and their sector(s);
// sector departments choose the sectors they supervise. Server validation errors appear next to the named field.
import { api } from '../../api/client';
import { ORG_KINDS, type NewOrg, type Org, type Sector } from '../../api/types';
import { messageLine, onSubmit, showFormError, showMessage } from '../../components/errors';
import { checkboxGroup, formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { bindBilingual, bindText, t } from '../../i18n';
import { orgSelect } from './org-options';

export interface OrgForm {
  element: HTMLElement;
  /** Refreshes the parent choices, keeping the current selection when it still exists. */
  setOrgs(orgs: Org[]): void;
}

export function createOrgForm(sectors: Sector[], onCreated: (org: Org) => void): OrgForm {
  let orgs: Org[] = [];
  const name = h('input', { name: 'name', required: true, 'data-testid': 'org-name' });
  const kind = h('select', { name: 'kind', 'data-testid': 'org-kind' },
    ORG_KINDS.map((k) => { const o = h('option', { value: k }); bindText(o, `orgKind.${k}`); return o; }));
  const parent = h('select', { name: 'parent_id', 'data-testid': 'org-parent' });
  const creditCode = h('input', { name: 'credit_code', maxlength: 18, 'data-testid': 'org-credit-code' });
  const sectorChecks = checkboxGroup('sectors', sectors.map((s) => {
    const label = h('span');
    bindBilingual(label, s.name_zh, s.name_en);
    return { value: s.code, label };
  }));
  const address = h('input', { name: 'address', 'data-testid': 'org-address' });
  const lon = h('input', { name: 'lon', type: 'number', step: 'any', min: -180, max: 180 });
  const lat = h('input', { name: 'lat', type: 'number', step: 'any', min: -90, max: 90 });
  const general = messageLine('org-form-message');

  const creditField = formField('orgs.creditCode', creditCode, 'credit_code');
  const sectorsField = formField('orgs.sectors', sectorChecks.element, 'sectors');
  const showKindFields = (): void => {
    creditField.hidden = kind.value !== 'enterprise';
    sectorsField.hidden = kind.value !== 'department' && kind.value !== 'enterprise';
  };
  kind.addEventListener('change', showKindFields);
  showKindFields();

  const form = h('form', { class: 'card form', 'data-testid': 'org-form', novalidate: true },
    tr('orgs.create', undefined, 'h2'),
    formField('orgs.name', name, 'name'),
    formField('orgs.kind', kind, 'kind'),
    formField('orgs.parent', parent, 'parent_id'),
    creditField,
    sectorsField,
    formField('orgs.address', address, 'address', { optional: true }),
    h('div', { class: 'form-row' },
      formField('orgs.lon', lon, 'location', { optional: true }),
      formField('orgs.lat', lat, 'location.lat', { optional: true })),
    general,
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'org-submit' }, tr('orgs.submit')));

  onSubmit(form, general, async () => {
    const parentOrg = orgs.find((o) => String(o.id) === parent.value);
    const body: NewOrg = { name: name.value.trim(), kind: kind.value };
    if (parentOrg) body.parent_id = parentOrg.id;
    if (kind.value === 'enterprise') body.credit_code = creditCode.value.trim().toUpperCase();
    if (!sectorsField.hidden) body.sectors = sectorChecks.values();
    if (address.value.trim()) body.address = address.value.trim();
    if (lon.value !== '' || lat.value !== '') body.location = { lon: Number(lon.value), lat: Number(lat.value) };
    try {
      const created = await api<Org>('POST', '/api/v1/orgs', body);
      showMessage(general, t('orgs.created', { name: created.name ?? body.name }), 'ok');
      name.value = '';
      creditCode.value = '';
      onCreated(created);
    } catch (err) {
      showFormError(form, general, err);
    }
  });
  return {
    element: form,
    setOrgs(next) {
      orgs = next;
      const previous = parent.value;
      const noParent = h('option', { value: '' });
      bindText(noParent, 'orgs.noParent');
      parent.replaceChildren(noParent, ...orgSelect(orgs, 'parent_id', 'org-parent').children);
      const keep = orgs.some((o) => String(o.id) === previous);
      parent.value = keep ? previous : orgs.length ? String(orgs[0].id) : '';
    },
  };
}
