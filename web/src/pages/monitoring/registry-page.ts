// #/sensors — 设备与测点: the devices and the sensors (paged by `cursor`), the sensor list filtered by
// text, type and status (in the hash: #/sensors?type=methane&q=GAS), create and edit forms for
// both (sensor.manage; #/sensors?edit_sensor=12 opens a sensor's form), and for administrators the
// rules per sensor type.
import { getUser } from '../../api/session';
import { errorText, hideMessage, messageLine, showMessage } from '../../components/errors';
import { createPagedList } from '../../components/paged-list';
import { h, tr } from '../../dom';
import { bindText, t } from '../../i18n';
import { buildHash } from '../../router';
import { enumSelect, keyedText } from '../hazards/hazard-labels';
import { loadBasemap, type Basemap } from '../map/basemap-map';
import type { PageRenderer } from '../page';
import { loadRefData, orgLabel, sectorLabel, type RefData } from '../risk/risk-labels';
import { createDeviceForm, type RegistryForm } from './device-form';
import { allDevices, getDevice, getSensor, listDevices, listSensors, sensorTypes } from './monitoring-api';
import { canManageSensors, monitoringTabs, sensorStateBadge } from './monitoring-labels';
import { beijingText, sensorState, valueText } from './monitoring-model';
import { REGISTRY_STATUSES, SENSOR_TYPES, type Device, type Sensor, type SensorTypeInfo } from './monitoring-types';
import { createSensorForm } from './sensor-form';
import { createTypeRulesSection } from './type-rules-section';

const PAGE = 100;
const DEVICE_COLUMNS = ['mon.field.code', 'mon.field.name', 'mon.field.model', 'mon.field.org', 'mon.field.sector',
  'mon.field.riskPoint', 'mon.field.status', 'mon.field.location', 'alarm.col.actions'] as const;
const SENSOR_COLUMNS = ['mon.field.code', 'mon.field.name', 'mon.field.type', 'mon.field.unit', 'mon.field.device',
  'mon.field.status', 'mon.field.interval', 'mon.latest', 'mon.field.state', 'alarm.col.actions'] as const;

const pick = (value: string | null, allowed: readonly string[]): string => (value && allowed.includes(value) ? value : '');

export const renderRegistryPage: PageRenderer = (outlet, route) => {
  const user = getUser();
  const canManage = canManageSensors(user?.permissions);
  // Type rules bind the whole platform: city-level administrators (the server checks the level).
  const isAdmin = canManage && (user?.roles ?? []).includes('admin');
  const filters = {
    q: (route.query.get('q') ?? '').trim(),
    type: pick(route.query.get('type'), SENSOR_TYPES),
    status: pick(route.query.get('status'), REGISTRY_STATUSES),
  };
  let ref: RefData = { sectors: [], orgs: [] };
  let devices: Device[] = [];
  let types: SensorTypeInfo[] = [];
  let basemap: Basemap | null | undefined;
  let form: RegistryForm | null = null;
  let left = false;

  const message = messageLine('registry-message');
  const formHost = h('div', { 'data-testid': 'registry-form-host' });
  const deviceName = (id: Sensor['device_id']): string => devices.find((d) => String(d.id) === String(id))?.code ?? `#${id}`;
  const editButton = (testId: string, onClick: () => void): HTMLElement | null => (canManage
    ? h('button', { type: 'button', 'data-testid': testId, onclick: onClick }, tr('mon.edit')) : null);

  const deviceRow = (d: Device): HTMLElement => h('tr', { 'data-testid': `device-row-${d.code}`, 'data-id': String(d.id) },
    h('td', { class: 'nowrap' }, h('strong', {}, d.code)), h('td', {}, d.name), h('td', {}, d.model || '—'),
    h('td', {}, orgLabel(d.org_id, null, ref.orgs)), h('td', {}, sectorLabel(d.sector, ref.sectors)),
    h('td', {}, d.risk_point_id ? h('a', { href: buildHash(`risk/points/${d.risk_point_id}`) }, `#${d.risk_point_id}`) : '—'),
    h('td', {}, keyedText('mon.status', String(d.status))),
    h('td', { class: 'nowrap' }, typeof d.lon === 'number' && typeof d.lat === 'number' ? `${d.lon.toFixed(5)}, ${d.lat.toFixed(5)}` : '—'),
    h('td', { class: 'nowrap' }, editButton(`device-edit-${d.code}`, () => void openDevice(d)),
      canManage ? h('button', { type: 'button', 'data-testid': `device-add-sensor-${d.code}`,
        onclick: () => void openSensor(undefined, d.id) }, tr('mon.sensor.add')) : null));

  const sensorRow = (s: Sensor): HTMLElement => {
    const state = sensorState(s);
    return h('tr', { 'data-testid': `sensor-row-${s.code}`, 'data-id': String(s.id), 'data-state': state },
      h('td', { class: 'nowrap' }, h('a', { href: buildHash(`sensors/${s.id}`), 'data-testid': 'sensor-link' }, s.code)),
      h('td', {}, s.name), h('td', {}, keyedText('mon.type', s.type)), h('td', {}, s.unit),
      h('td', { class: 'nowrap' }, deviceName(s.device_id)), h('td', {}, keyedText('mon.status', String(s.status))),
      h('td', { class: 'num' }, tr('mon.seconds', { n: s.interval_s })),
      h('td', { class: 'nowrap' }, valueText(s.last_value, s.unit), h('div', { class: 'muted small' }, beijingText(s.last_at))),
      h('td', {}, sensorStateBadge(state)),
      h('td', {}, editButton(`sensor-edit-${s.code}`, () => void openSensor(s))));
  };

  const deviceRows = h('tbody');
  const sensorRows = h('tbody');
  const devicePaged = createPagedList<Device>(deviceRows, (cursor) => listDevices(cursor, PAGE), deviceRow);
  const sensorPaged = createPagedList<Sensor>(sensorRows, (cursor) => listSensors(filters, cursor, PAGE), sensorRow);
  const table = (testId: string, columns: readonly string[], body: HTMLElement): HTMLElement =>
    h('div', { class: 'table-scroll' }, h('table', { class: 'data-table mon-table', 'data-testid': testId },
      h('thead', {}, h('tr', {}, columns.map((key) => h('th', {}, tr(key as Parameters<typeof tr>[0]))))), body));

  const loadDevices = async (): Promise<void> => {
    devices = (await allDevices().catch(() => ({ items: [] as Device[] }))).items;
  };
  const reloadLists = (): void => {
    void devicePaged.reload();
    void loadDevices().then(() => sensorPaged.reload());
  };

  const closeForm = (): void => {
    form?.destroy();
    form = null;
    formHost.replaceChildren();
  };
  const showForm = (next: RegistryForm): void => {
    closeForm();
    form = next;
    formHost.replaceChildren(h('section', { class: 'card mon-form-card' }, next.element));
    formHost.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const saved = (code: string, created: boolean): void => {
    closeForm();
    showMessage(message, t(created ? 'mon.created' : 'mon.saved', { code }), 'ok');
    reloadLists();
  };

  const openDevice = async (device?: Device): Promise<void> => {
    hideMessage(message);
    if (basemap === undefined) basemap = await loadBasemap().catch(() => null);
    if (left) return;
    showForm(createDeviceForm({ orgs: ref.orgs, sectors: ref.sectors, basemap, device, defaultOrgId: user?.org_id,
      onSaved: (d, created) => saved(d.code, created), onCancel: closeForm }));
  };
  const openSensor = async (sensor?: Sensor, deviceId?: Device['id']): Promise<void> => {
    hideMessage(message);
    if (!types.length) types = await sensorTypes().catch((): SensorTypeInfo[] => []);
    if (left) return;
    showForm(createSensorForm({ devices, types, sensor, deviceId,
      onSaved: (s, created) => saved(s.code, created), onCancel: closeForm }));
  };

  // ---- sensor filters ----
  const q = h('input', { type: 'search', name: 'q', value: filters.q, 'data-testid': 'sensor-filter-q', enterkeyhint: 'search' });
  bindText(q, 'mon.filter.qPlaceholder', undefined, 'placeholder');
  const type = enumSelect('type', SENSOR_TYPES, 'mon.type', { first: 'all', testId: 'sensor-filter-type', value: filters.type });
  const status = enumSelect('status', REGISTRY_STATUSES, 'mon.status', { first: 'all', testId: 'sensor-filter-status',
    value: filters.status });
  const applyFilters = (): void => {
    filters.q = q.value.trim();
    filters.type = type.value;
    filters.status = status.value;
    history.replaceState(null, '', buildHash('sensors', { q: filters.q, type: filters.type, status: filters.status }));
    void sensorPaged.reload();
  };
  type.addEventListener('change', applyFilters);
  status.addEventListener('change', applyFilters);
  const filterBar = h('form', { class: 'mon-filters', role: 'search', 'data-testid': 'sensor-filters' },
    h('label', {}, tr('mon.filter.q'), q), h('label', {}, tr('mon.field.type'), type), h('label', {}, tr('mon.field.status'), status),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'sensor-filter-search' }, tr('hazards.filter.search')));
  filterBar.addEventListener('submit', (event) => {
    event.preventDefault();
    applyFilters();
  });

  const newButton = (testId: string, label: 'mon.device.new' | 'mon.sensor.new', onClick: () => void): HTMLElement | null =>
    (canManage ? h('button', { type: 'button', class: 'primary', 'data-testid': testId, onclick: onClick }, tr(label)) : null);
  const typeRules = isAdmin ? createTypeRulesSection(() => { types = []; }) : null;
  outlet.append(h('section', { class: 'page mon-page registry-page', 'data-testid': 'registry-page' },
    tr('mon.registry.title', undefined, 'h1'), monitoringTabs('sensors'), message, formHost,
    h('div', { class: 'stack' },
      h('section', { class: 'card' },
        h('div', { class: 'mon-card-head' }, tr('mon.devices', undefined, 'h2'), newButton('device-new', 'mon.device.new', () => void openDevice())),
        table('device-list', DEVICE_COLUMNS, deviceRows), devicePaged.footer),
      h('section', { class: 'card' },
        h('div', { class: 'mon-card-head' }, tr('mon.sensors', undefined, 'h2'), newButton('sensor-new', 'mon.sensor.new', () => void openSensor())),
        filterBar, table('sensor-list', SENSOR_COLUMNS, sensorRows), sensorPaged.footer),
      typeRules?.element ?? null)));

  void (async () => {
    [ref] = await Promise.all([loadRefData(), loadDevices()]);
    if (left) return;
    void devicePaged.reload();
    void sensorPaged.reload();
    void typeRules?.load();
    // Deep links from the sensor page: #/sensors?edit_sensor=12, #/sensors?edit_device=3.
    const editSensor = route.query.get('edit_sensor');
    const editDevice = route.query.get('edit_device');
    try {
      if (canManage && editSensor) await openSensor(await getSensor(editSensor));
      else if (canManage && editDevice) await openDevice(await getDevice(editDevice));
    } catch (err) {
      showMessage(message, errorText(err), 'error');
    }
  })();

  return () => {
    left = true;
    closeForm();
  };
};
