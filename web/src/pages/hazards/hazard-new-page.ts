// #/hazards/new — report a hazard (上报隐患): click its place on the map, choose the organisation
// (GET /api/v1/orgs), sector, source and grade, describe it; POST /hazards, then upload the chosen
// photos and videos (stage=report) and open the new hazard.
import { api } from '../../api/client';
import { getUser } from '../../api/session';
import type { LonLat, Sector } from '../../api/types';
import { errorText, fieldError, hideMessage, messageLine, onSubmit, showMessage, submitting } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { bindText, t } from '../../i18n';
import { buildHash, navigate } from '../../router';
import { loadAllOrgs, orgSelect } from '../admin/org-options';
import { loadBasemap, type Basemap } from '../map/basemap-map';
import type { PageRenderer } from '../page';
import { createHazard, uploadAll } from './hazard-api';
import { enumSelect, sectorSelect } from './hazard-labels';
import { createPickerMap, type PickerMap } from './hazard-map';
import { fileField } from './hazard-media';
import { defaultSourceFor, idValue } from './hazard-model';
import { hazardTabs } from './hazard-tabs';
import { HAZARD_GRADES, HAZARD_SOURCES } from './hazard-types';

export const renderHazardNewPage: PageRenderer = (outlet) => {
  const body = h('div', {}, h('p', {}, tr('app.loading')));
  outlet.append(h('section', { class: 'page hz-page hz-new-page', 'data-testid': 'hazard-new-page' },
    tr('hazardNew.title', undefined, 'h1'), hazardTabs('new'), tr('hazardNew.intro', undefined, 'p'), body));
  let picker: PickerMap | null = null;
  let left = false;

  void (async () => {
    const user = getUser();
    const [sectors, orgs, basemap] = await Promise.all([
      api<Sector[]>('GET', '/api/v1/sectors').catch((): Sector[] => []),
      loadAllOrgs().then((r) => r.items).catch(() => []),
      loadBasemap().catch((): Basemap | null => null),
    ]);
    if (left) return;
    let location: LonLat | null = null;
    const locationText = h('span', { class: 'muted', 'data-testid': 'new-location' });
    bindText(locationText, 'hazardNew.noLocation');
    const mapHost = h('div', { class: 'hz-pick-map', 'data-testid': 'new-map' });

    const org = orgSelect(orgs, 'org_id', 'new-org');
    if (user && [...org.options].some((o) => o.value === String(user.org_id))) org.value = String(user.org_id);
    const sector = sectorSelect(sectors, 'sector', { first: 'pick', testId: 'new-sector' });
    const source = enumSelect('source', HAZARD_SOURCES.filter((s) => s !== 'public_tip'), 'hazard.source',
      { testId: 'new-source', value: defaultSourceFor(user?.roles) });
    const grade = enumSelect('grade', HAZARD_GRADES, 'hazard.grade', { testId: 'new-grade', value: 'general' });
    const title = h('input', { name: 'title', maxlength: 200, 'data-testid': 'new-title' });
    const description = h('textarea', { name: 'description', rows: 4, required: true, 'data-testid': 'new-description' });
    const address = h('input', { name: 'address', maxlength: 300, 'data-testid': 'new-address' });
    const files = fileField('files', 'hazardNew.photos', 'files', { testId: 'new-files', hint: 'hazardAction.filesHint' });
    const general = messageLine('new-message');
    const submit = h('button', { type: 'submit', class: 'primary hz-big', 'data-testid': 'new-submit' }, tr('hazardNew.submit'));

    const form = h('form', { class: 'form hz-form', 'data-testid': 'hazard-new-form', novalidate: true },
      h('div', { class: 'form-field', 'data-field': 'location' },
        h('label', {}, tr('hazard.field.location'), ' ', h('small', { class: 'muted' }, tr('hazardNew.mapHint'))),
        mapHost, locationText, fieldError('location')),
      formField('hazard.field.org', org, 'org_id'),
      formField('hazard.field.sector', sector, 'sector'),
      h('div', { class: 'form-row' }, formField('hazard.field.source', source, 'source'),
        formField('hazard.field.grade', grade, 'grade')),
      formField('hazard.field.title', title, 'title', { optional: true }),
      formField('hazard.field.description', description, 'description'),
      formField('hazard.field.address', address, 'address', { optional: true }),
      files.element, general, h('div', { class: 'button-row' }, submit));
    body.replaceChildren(h('section', { class: 'card' }, form));

    picker = createPickerMap(mapHost, basemap, (at) => {
      location = at;
      bindText(locationText, 'hazardNew.locationChosen', { lon: at.lon.toFixed(6), lat: at.lat.toFixed(6) });
      hideMessage(form.querySelector<HTMLElement>('[data-error-for="location"]')!);
    });

    onSubmit(form, general, async () => {
      if (!location) {
        const slot = form.querySelector<HTMLElement>('[data-error-for="location"]')!;
        showMessage(slot, t('hazardNew.locationRequired'), 'error');
        slot.className = 'field-error';
        return;
      }
      const chosenLocation = location;
      await submitting([submit], form, general, async () => {
        const created = await createHazard({
          title: title.value.trim() || undefined, description: description.value.trim(), source: source.value,
          grade: grade.value, sector: sector.value, org_id: idValue(org.value), location: chosenLocation, address: address.value.trim() || undefined,
        });
        showMessage(general, t('hazardNew.created', { code: created.code }), 'ok');
        try {
          await uploadAll(created.id, files.files(), 'report', 'files', (n, total) =>
            showMessage(general, t('hazardAction.uploading', { n, total }), 'ok'));
        } catch (err) {
          showMessage(general, t('hazardNew.uploadFailed', { code: created.code, detail: errorText(err) }), 'error');
          general.append(' ', h('a', { href: buildHash(`hazards/${created.id}`) }, tr('hazardNew.openCreated')));
          return;
        }
        navigate(buildHash(`hazards/${created.id}`));
      });
    });
  })();

  return () => {
    left = true;
    picker?.destroy();
  };
};
