// #/admin/hazard-settings — the rules hazards are handled by (隐患规则与日历): the working-day calendar
// of each year and the deadline policy. Everyone may read them; administrators (hazard.policy)
// change them.
import { getUser } from '../../api/session';
import { h, tr } from '../../dom';
import type { PageRenderer } from '../page';
import { createCalendarSection } from './calendar-section';
import { createPolicySection } from './policy-section';
import { beijingToday } from './stats-model';

export const renderHazardSettingsPage: PageRenderer = (outlet, route) => {
  const canEdit = getUser()?.permissions.includes('hazard.policy') ?? false;
  const asked = Number(route.query.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(beijingToday().slice(0, 4));
  const calendar = createCalendarSection(year, canEdit);
  const policy = createPolicySection(canEdit);
  outlet.append(h('section', { class: 'page hza-settings-page', 'data-testid': 'hazard-settings-page' },
    tr('hza.set.title', undefined, 'h1'), tr('hza.set.intro', undefined, 'p'),
    canEdit ? null : h('p', { class: 'message message-error', 'data-testid': 'settings-read-only' }, tr('hza.set.readOnly')),
    h('div', { class: 'stack' }, calendar.element, policy.element)));
  void calendar.load();
  void policy.load();
};
