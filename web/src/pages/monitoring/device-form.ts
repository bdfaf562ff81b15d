// The device form (新建 / 编辑设备): code, name, model, owner, sector, risk point, place (typed or
// clicked on a small map) and address, status. POST /devices or PUT /devices/{id}; problem+json
// field errors beside their fields.
import type { LonLat, Org, Sector } from '../../api/types';
import { messageLine, onSubmit, showMessage, submitting } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { t } from '../../i18n';
import { orgSelect } from '../admin/org-options';
import { enumSelect, sectorSelect } from '../hazards/hazard-labels';
import { createPickerMap, type PickerMap } from '../hazards/hazard-map';
import { idValue } from '../hazards/hazard-model';
import type { Basemap } from '../map/basemap-map';
import { createDevice, updateDevice } from './monitoring-api';
import { optionalNumber } from './monitoring-model';
import { REGISTRY_STATUSES, type Device } from './monitoring-types';

export interface RegistryForm {
  element: HTMLElement;
  destroy(): void;
}

export interface DeviceFormContext {
  orgs: Org[];
  sectors: Sector[];
  basemap: Basemap | null;
  device?: Device;
  defaultOrgId?: string | number;
  onSaved(device: Device, created: boolean): void;
  onCancel(): void;
}

/** Shows `text` in the error slot of `field` (a check made before anything is sent). */
export function fieldProblem(form: HTMLElement, field: string, text: string): void {
  const slot = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
  if (!slot) return;
  showMessage(slot, text, 'error');
  slot.className = 'field-error';
}

export function textInput(name: string, testId: string, value = '', maxlength = 200): HTMLInputElement {
  return h('input', { name, value, maxlength, 'data-testid': testId });
}

export function numberInput(name: string, testId: string, value: number | string | null | undefined,
  options: { step?: string; min?: number } = {}): HTMLInputElement {
  return h('input', { type: 'number', name, step: options.step ?? 'any', min: options.min, inputmode: 'decimal',
    value: value === null || value === undefined ? '' : String(value), 'data-testid': testId });
}

export function createDeviceForm(ctx: DeviceFormContext): RegistryForm {
  const d = ctx.device;
  const code = textInput('code', 'device-code', d?.code, 64);
  const name = textInput('name', 'device-name', d?.name);
  const model = textInput('model', 'device-model', d?.model ?? '');
  const org = orgSelect(ctx.orgs, 'org_id', 'device-org');
  const wantedOrg = String(d?.org_id ?? ctx.defaultOrgId ?? '');
  if (wantedOrg && ![...org.options].some((o) => o.value === wantedOrg)) org.prepend(h('option', { value: wantedOrg }, `#${wantedOrg}`));
  if (wantedOrg) org.value = wantedOrg;
  const sector = sectorSelect(ctx.sectors, 'sector', { first: 'pick', testId: 'device-sector', value: d?.sector ?? '' });
  const riskPoint = numberInput('risk_point_id', 'device-risk-point', d?.risk_point_id ?? null, { step: '1', min: 1 });
  const lon = numberInput('lon', 'device-lon', d?.lon ?? null);
  const lat = numberInput('lat', 'device-lat', d?.lat ?? null);
  const address = textInput('address', 'device-address', d?.address ?? '', 300);
  const status = enumSelect('status', REGISTRY_STATUSES, 'mon.status', { testId: 'device-status', value: String(d?.status ?? 'active') });
  const mapHost = h('div', { class: 'mon-pick-map', 'data-testid': 'device-map' });
  const general = messageLine('device-message');
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'device-submit' }, tr(d ? 'mon.save' : 'mon.create'));
  const cancel = h('button', { type: 'button', 'data-testid': 'device-cancel' }, tr('mon.cancel'));
  cancel.addEventListener('click', ctx.onCancel);

  const form = h('form', { class: 'form mon-form', 'data-testid': 'device-form', novalidate: true },
    h('h2', {}, d ? tr('mon.device.edit', { code: d.code }) : tr('mon.device.new')),
    h('div', { class: 'form-row' }, formField('mon.field.code', code, 'code'), formField('mon.field.name', name, 'name')),
    h('div', { class: 'form-row' }, formField('mon.field.model', model, 'model', { optional: true }),
      formField('mon.field.status', status, 'status')),
    h('div', { class: 'form-row' }, formField('mon.field.org', org, 'org_id'), formField('mon.field.sector', sector, 'sector')),
    formField('mon.field.riskPoint', riskPoint, 'risk_point_id', { optional: true }),
    h('div', { class: 'form-field', 'data-field': 'location' },
      h('label', {}, tr('mon.field.location'), ' ', h('small', { class: 'muted' }, tr('mon.pickHint'))), mapHost),
    h('div', { class: 'form-row' }, formField('mon.field.lon', lon, 'lon'), formField('mon.field.lat', lat, 'lat')),
    formField('mon.field.address', address, 'address', { optional: true }),
    general, h('div', { class: 'button-row' }, submit, cancel));

  const picker: PickerMap = createPickerMap(mapHost, ctx.basemap, (at: LonLat) => {
    lon.value = String(at.lon);
    lat.value = String(at.lat);
  });
  if (typeof d?.lon === 'number' && typeof d?.lat === 'number') picker.setLocation({ lon: d.lon, lat: d.lat });
  const typed = (): void => {
    const x = Number(lon.value);
    const y = Number(lat.value);
    if (lon.value && lat.value && Number.isFinite(x) && Number.isFinite(y)) picker.setLocation({ lon: x, lat: y });
  };
  lon.addEventListener('change', typed);
  lat.addEventListener('change', typed);

  onSubmit(form, general, async () => {
    const x = optionalNumber(lon.value);
    const y = optionalNumber(lat.value);
    const rp = optionalNumber(riskPoint.value);
    for (const [field, v] of [['lon', x], ['lat', y]] as const) {
      if (v === undefined || Number.isNaN(v)) {
        fieldProblem(form, field, t(v === undefined ? 'mon.placeRequired' : 'mon.notANumber'));
        return;
      }
    }
    if (rp !== undefined && !Number.isSafeInteger(rp)) {
      fieldProblem(form, 'risk_point_id', t('mon.notAnId'));
      return;
    }
    const body: Partial<Device> = {
      code: code.value.trim(), name: name.value.trim(), model: model.value.trim(), org_id: idValue(org.value),
      sector: sector.value, risk_point_id: rp ?? null, lon: x, lat: y, address: address.value.trim(),
      status: status.value as Device['status'],
    };
    await submitting([submit], form, general, async () => {
      const saved = d ? await updateDevice(d.id, body) : await createDevice(body);
      ctx.onSaved(saved, !d);
    });
  });

  return { element: form, destroy: () => picker.destroy() };
}
