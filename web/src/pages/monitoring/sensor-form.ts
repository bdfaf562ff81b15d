// The sensor form (新建 / 编辑测点): code, device, name, type, unit (from the type's units),
// sampling interval, status, its own rules (empty: the type's) and an optional place (empty: the
// device's). POST /sensors or PUT /sensors/{id}; problem+json field errors beside their fields.
import { messageLine, onSubmit, submitting } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { bindText, t } from '../../i18n';
import { enumSelect } from '../hazards/hazard-labels';
import { idValue } from '../hazards/hazard-model';
import { fieldProblem, numberInput, textInput, type RegistryForm } from './device-form';
import { createSensor, updateSensor } from './monitoring-api';
import { defaultRulesText, optionalNumber, unitsOf } from './monitoring-model';
import { REGISTRY_STATUSES, SENSOR_TYPES, type Device, type Sensor, type SensorTypeInfo } from './monitoring-types';

export interface SensorFormContext {
  devices: Device[];
  types: SensorTypeInfo[];
  sensor?: Sensor;
  /** Preselected device (the 新建测点 button of a device row). */
  deviceId?: string | number;
  onSaved(sensor: Sensor, created: boolean): void;
  onCancel(): void;
}

/** The rules a sensor of this type and unit runs without its own: the set ones, else the defaults. */
function typeRules(type: string, unit: string, types: SensorTypeInfo[]): string {
  const info = types.find((x) => x.type === type);
  if (!info) return '';
  if (info.rules) return info.rules;
  const d = info.default_rules;
  if (d && typeof d === 'object') return d[unit] ?? '';
  return defaultRulesText(info);
}

export function createSensorForm(ctx: SensorFormContext): RegistryForm {
  const s = ctx.sensor;
  const code = textInput('code', 'sensor-code', s?.code, 64);
  const name = textInput('name', 'sensor-name', s?.name);
  const device = h('select', { name: 'device_id', 'data-testid': 'sensor-device' },
    h('option', { value: '' }, '—'), ctx.devices.map((d) => h('option', { value: String(d.id) }, `${d.code} ${d.name}`)));
  const wantedDevice = String(s?.device_id ?? ctx.deviceId ?? '');
  if (wantedDevice && ![...device.options].some((o) => o.value === wantedDevice)) {
    device.append(h('option', { value: wantedDevice }, `#${wantedDevice}`));
  }
  device.value = wantedDevice;
  const type = enumSelect('type', SENSOR_TYPES, 'mon.type', { testId: 'sensor-type', value: String(s?.type ?? 'methane') });
  const unit = h('select', { name: 'unit', 'data-testid': 'sensor-unit' });
  const interval = numberInput('interval_s', 'sensor-interval', s?.interval_s ?? 60, { step: '1', min: 1 });
  const status = enumSelect('status', REGISTRY_STATUSES, 'mon.status', { testId: 'sensor-status', value: String(s?.status ?? 'active') });
  const rules = h('textarea', { name: 'rules', rows: 4, maxlength: 4000, spellcheck: 'false', 'data-testid': 'sensor-rules-text' });
  rules.value = s?.rules ?? '';
  const inherited = h('pre', { class: 'mon-rules-text muted', 'data-testid': 'sensor-type-rules' });
  // A sensor takes its device's place unless it has its own: show only a place of its own.
  const carrier = ctx.devices.find((d) => String(d.id) === String(s?.device_id));
  const ownPlace = s && !(carrier && carrier.lon === s.lon && carrier.lat === s.lat);
  const lon = numberInput('lon', 'sensor-lon', ownPlace ? s.lon ?? null : null);
  const lat = numberInput('lat', 'sensor-lat', ownPlace ? s.lat ?? null : null);
  const general = messageLine('sensor-message');
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'sensor-submit' }, tr(s ? 'mon.save' : 'mon.create'));
  const cancel = h('button', { type: 'button', 'data-testid': 'sensor-cancel' }, tr('mon.cancel'));
  cancel.addEventListener('click', ctx.onCancel);

  /** The units of the chosen type, keeping the unit when it still fits. */
  const syncUnits = (keep: string): void => {
    const units = unitsOf(type.value, ctx.types);
    unit.replaceChildren(...units.map((u) => h('option', { value: u }, u)));
    if (keep && !units.includes(keep)) unit.append(h('option', { value: keep }, keep));
    unit.value = keep && [...unit.options].some((o) => o.value === keep) ? keep : units[0] ?? '';
    syncInherited();
  };
  const syncInherited = (): void => {
    const text = typeRules(type.value, unit.value, ctx.types);
    inherited.textContent = text || t('mon.noTypeRules');
    bindText(rules, 'mon.rulesPlaceholder', undefined, 'placeholder');
  };
  type.addEventListener('change', () => syncUnits(''));
  unit.addEventListener('change', syncInherited);
  syncUnits(s?.unit ?? '');

  const form = h('form', { class: 'form mon-form', 'data-testid': 'sensor-form', novalidate: true },
    h('h2', {}, s ? tr('mon.sensor.edit', { code: s.code }) : tr('mon.sensor.new')),
    h('div', { class: 'form-row' }, formField('mon.field.code', code, 'code'), formField('mon.field.name', name, 'name')),
    formField('mon.field.device', device, 'device_id'),
    h('div', { class: 'form-row' }, formField('mon.field.type', type, 'type'), formField('mon.field.unit', unit, 'unit')),
    h('div', { class: 'form-row' }, formField('mon.field.intervalS', interval, 'interval_s'),
      formField('mon.field.status', status, 'status')),
    formField('mon.field.ownRules', rules, 'rules', { optional: true }),
    h('div', { class: 'form-field' }, tr('mon.inheritedRules', undefined, 'small'), inherited),
    h('div', { class: 'form-row' }, formField('mon.field.lon', lon, 'lon', { optional: true }),
      formField('mon.field.lat', lat, 'lat', { optional: true })),
    tr('mon.sensorPlaceHint', undefined, 'small'),
    general, h('div', { class: 'button-row' }, submit, cancel));

  onSubmit(form, general, async () => {
    if (!device.value) {
      fieldProblem(form, 'device_id', t('mon.deviceRequired'));
      return;
    }
    const seconds = optionalNumber(interval.value);
    if (seconds === undefined || !Number.isInteger(seconds) || seconds < 1) {
      fieldProblem(form, 'interval_s', t('mon.wholeSeconds'));
      return;
    }
    const x = optionalNumber(lon.value);
    const y = optionalNumber(lat.value);
    for (const [field, v] of [['lon', x], ['lat', y]] as const) {
      if (v !== undefined && Number.isNaN(v)) {
        fieldProblem(form, field, t('mon.notANumber'));
        return;
      }
    }
    if ((x === undefined) !== (y === undefined)) {
      fieldProblem(form, x === undefined ? 'lon' : 'lat', t('mon.lonLatTogether'));
      return;
    }
    const body: Partial<Sensor> = {
      code: code.value.trim(), device_id: idValue(device.value), name: name.value.trim(), type: type.value, unit: unit.value,
      interval_s: seconds, status: status.value, rules: rules.value.trim(),
      ...(x !== undefined && y !== undefined ? { lon: x, lat: y } : {}),
    };
    await submitting([submit], form, general, async () => {
      const saved = s ? await updateSensor(s.id, body) : await createSensor(body);
      ctx.onSaved(saved, !s);
    });
  });

  return { element: form, destroy: () => undefined };
}
