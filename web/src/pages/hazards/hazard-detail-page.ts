// #/hazards/:id — one hazard: its fields, badges (state, grade, overdue / due soon, supervision
// tier), the timeline with thumbnails, the photo and video gallery, extension requests, a small map,
// and one form per action the server allows (allowed_actions) plus the extension request.
import { api } from '../../api/client';
import { getUser } from '../../api/session';
import type { Org, Sector } from '../../api/types';
import { errorText, hideMessage, messageLine, showMessage } from '../../components/errors';
import { formatTime, h, tr, type Child } from '../../dom';
import { t, type MessageKey } from '../../i18n';
import { buildHash } from '../../router';
import { detailList, historyLink } from '../admin/detail-list';
import { loadAllOrgs } from '../admin/org-options';
import { loadBasemap } from '../map/basemap-map';
import type { PageRenderer } from '../page';
import { sectorLabel } from '../risk/risk-labels';
import { actionForm, extensionForm, type ActionContext } from './hazard-actions';
import { decideExtension, getHazard, hazardExtensions, hazardMedia, hazardTimeline } from './hazard-api';
import {
  deadlineBadge, deadlineText, gradeBadge, keyedText, plainStateBadge, stateBadge, tierBadge,
} from './hazard-labels';
import { boundsAround, createHazardsMap, type HazardsMap } from './hazard-map';
import { mediaGallery, mediaThumbs } from './hazard-media';
import { actionsToOffer, canRequestExtension, dayOf, deadlineChanges, hazardTitle, isTier } from './hazard-model';
import type { Extension, Hazard, HazardMedia, TimelineEntry } from './hazard-types';

const AUDIT_ENTITY_HAZARD = 'hazard';

function supervisionText(hz: Hazard): Child {
  const s = hz.supervision;
  if (!s) return '—';
  return h('span', {}, isTier(s.tier) ? tr(`hazard.tier.${s.tier}`) : String(s.tier),
    s.listed_at ? [' · ', tr('hazard.field.listedAt'), ' ', formatTime(s.listed_at)] : null,
    s.reason ? [' · ', s.reason] : null,
    s.delisted_at ? [' · ', tr('hazard.delisted'), ' ', formatTime(s.delisted_at)] : null);
}

function fieldsOf(hz: Hazard, sectors: Sector[]): HTMLElement {
  const rows: [MessageKey, Child | Child[]][] = [
    ['hazard.field.code', h('span', { 'data-testid': 'hazard-code' }, hz.code)],
    ['hazard.field.title', hz.title || '—'],
    ['hazard.field.description', h('span', { class: 'hz-pre', 'data-testid': 'hazard-description' }, hz.description)],
    ['hazard.field.state', stateBadge(hz, 'hazard-state-field')],
    ['hazard.field.source', keyedText('hazard.source', String(hz.source))],
    ['hazard.field.grade', gradeBadge(String(hz.grade))],
    ['hazard.field.sector', h('span', { 'data-testid': 'hazard-sector' }, sectorLabel(hz.sector, sectors))],
    ['hazard.field.org', hz.org_name ?? `#${hz.org_id}`],
    ['hazard.field.responsibleOrg', h('span', { 'data-testid': 'hazard-responsible' }, hz.responsible_org_name ?? '—')],
    ['hazard.field.address', hz.address || '—'],
    ['hazard.field.location', hz.location ? `${hz.location.lon.toFixed(6)}, ${hz.location.lat.toFixed(6)}` : '—'],
    ['hazard.field.foundBy', keyedText('hazard.actor', hz.found_by_name)],
    ...(hz.tip_contact ? [['hazard.field.tipContact', hz.tip_contact] as [MessageKey, Child]] : []),
    ['hazard.field.foundAt', formatTime(hz.found_at)],
    ['hazard.field.reportedAt', formatTime(hz.reported_at)],
    ['hazard.field.assignedAt', formatTime(hz.assigned_at)],
    ['hazard.field.deadline', deadlineText(hz)],
  ];
  if (hz.original_deadline && dayOf(hz.original_deadline) !== dayOf(hz.deadline)) {
    rows.push(['hazard.field.originalDeadline', dayOf(hz.original_deadline) ?? '—']);
  }
  if (hz.deadline_basis) rows.push(['hazard.field.deadlineBasis', hz.deadline_basis]);
  rows.push(['hazard.field.submittedAt', formatTime(hz.submitted_at)], ['hazard.field.closedAt', formatTime(hz.closed_at)]);
  if (hz.supervision) rows.push(['hazard.field.supervision', supervisionText(hz)]);
  if (hz.milestones?.length) {
    rows.push(['hazard.field.milestones', h('ul', { class: 'hz-milestones' },
      hz.milestones.map((m) => h('li', {}, keyedText('hazard.milestone', m.name), ' ', h('span', { class: 'muted' }, m.due))))]);
  }
  if (hz.reopen_count) rows.push(['hazard.field.reopenCount', String(hz.reopen_count)]);
  if (hz.external_code) rows.push(['hazard.field.externalCode', hz.external_code]);
  if (hz.risk_point_id !== null && hz.risk_point_id !== undefined) {
    rows.push(['hazard.field.riskPoint', h('a', { href: buildHash(`risk/points/${hz.risk_point_id}`) }, `#${hz.risk_point_id}`)]);
  }
  rows.push(['hazard.field.updatedAt', formatTime(hz.updated_at)]);
  return detailList(rows);
}

function timelineList(items: TimelineEntry[], media: Map<number, HazardMedia>): HTMLElement {
  if (!items.length) return h('p', { class: 'muted' }, tr('hazardDetail.noTimeline'));
  const newDeadlines = deadlineChanges(items.map((e) => dayOf(e.deadline)));
  return h('ol', { class: 'hz-timeline', 'data-testid': 'hazard-timeline' }, items.map((e, i) =>
    h('li', { 'data-action': e.action, 'data-to': e.to ?? '' },
      h('div', { class: 'hz-step-head' },
        h('time', {}, formatTime(e.at)), ' ', h('strong', {}, keyedText('hazard.step', e.action)),
        ...(e.to && e.from !== e.to
          ? [' ', ...(e.from ? [plainStateBadge(e.from), ' → '] : []), plainStateBadge(e.to)] : [])),
      e.actor ? h('div', { class: 'hz-step-actor' }, keyedText('hazard.actor', e.actor)) : null,
      e.note ? h('div', { class: 'hz-step-note hz-pre' }, e.note) : null,
      newDeadlines[i] ? h('div', { class: 'hz-step-deadline' }, tr('hazardDetail.stepDeadline', { day: newDeadlines[i]! })) : null,
      mediaThumbs(e.media_ids, media))));
}

function extensionState(state: string | undefined): HTMLElement {
  return h('span', { class: `hz-ext hz-ext-${state ?? ''}`, 'data-testid': 'extension-state' },
    keyedText('extension.state', state ?? ''));
}

function extensionsList(items: Extension[], canDecide: boolean, onChanged: () => void): HTMLElement {
  if (!items.length) return h('p', { class: 'muted' }, tr('hazardDetail.noExtensions'));
  return h('ul', { class: 'hz-extensions', 'data-testid': 'hazard-extensions' }, items.map((x) => {
    const requested = dayOf(x.requested_deadline ?? x.deadline) ?? '—';
    const decide = canDecide && (x.state ?? 'pending') === 'pending' ? decisionForm(x, onChanged) : null;
    return h('li', { 'data-id': String(x.id) },
      h('div', { class: 'hz-step-head' }, extensionState(x.state), ' ',
        h('strong', {}, dayOf(x.previous_deadline) ?? '—', ' → ', requested)),
      h('div', { class: 'muted' }, x.requested_by ?? x.requested_by_name ?? '', ' ', formatTime(x.requested_at)),
      x.reason ? h('div', { class: 'hz-pre' }, x.reason) : null,
      x.decided_at ? h('div', { class: 'muted' }, tr('extension.decided'), '：', x.decided_by ?? x.decided_by_name ?? '', ' ',
        formatTime(x.decided_at), x.decision_note ? ` · ${x.decision_note}` : '') : null,
      decide);
  }));
}

function decisionForm(x: Extension, onChanged: () => void): HTMLElement {
  const note = h('input', { name: 'note', 'data-testid': 'extension-note' });
  const line = messageLine('extension-decision-message');
  const send = async (grant: boolean): Promise<void> => {
    hideMessage(line);
    try {
      await decideExtension(x.id, grant, note.value.trim());
      onChanged();
    } catch (err) {
      showMessage(line, errorText(err), 'error');
    }
  };
  const grant = h('button', { type: 'button', class: 'primary', 'data-testid': 'extension-grant' }, tr('extension.grant'));
  const refuse = h('button', { type: 'button', 'data-testid': 'extension-refuse' }, tr('extension.refuse'));
  grant.addEventListener('click', () => void send(true));
  refuse.addEventListener('click', () => void send(false));
  return h('div', { class: 'hz-decision' }, h('label', {}, tr('extension.decisionNote'), note),
    h('div', { class: 'button-row' }, grant, refuse), line);
}

export const renderHazardDetailPage: PageRenderer = (outlet, route) => {
  const id = route.segments[1];
  const back = h('a', { class: 'back', href: buildHash('hazards') }, '← ', tr('hazardDetail.back'));
  const page = h('section', { class: 'page hz-page hz-detail-page', 'data-testid': 'hazard-detail-page' },
    back, h('p', {}, tr('app.loading')));
  outlet.append(page);

  let left = false;
  let sectors: Sector[] = [];
  let orgs: Org[] | null = null;
  let hazardsMap: HazardsMap | null = null;
  const head = h('div', { class: 'title-row hz-title-row' });
  const done = messageLine('action-done');
  const fieldsHost = h('div');
  const timelineHost = h('div');
  const galleryHost = h('div');
  const extensionsHost = h('div');
  const actionsHost = h('div', { 'data-testid': 'hazard-actions' });
  const mapHost = h('div', { class: 'hz-detail-map', 'data-testid': 'hazard-detail-map' });
  const canDecide = getUser()?.permissions?.includes('hazard.manage') ?? false;

  const renderAll = async (hz: Hazard, message?: string): Promise<void> => {
    const wantsOrgs = (hz.allowed_actions ?? []).some((a) => a === 'assign' || a === 'reopen');
    const [timeline, media, extensions] = await Promise.all([
      hazardTimeline(hz.id).catch((): TimelineEntry[] => []),
      hazardMedia(hz.id).catch((): HazardMedia[] => []),
      hazardExtensions(hz.id).catch((): Extension[] => []),
      wantsOrgs && !orgs ? loadAllOrgs().then((r) => { orgs = r.items; }).catch(() => { orgs = []; }) : null,
    ]);
    if (left) return;
    const byId = new Map(media.map((m) => [m.id, m]));
    head.replaceChildren(...[
      h('h1', { 'data-testid': 'hazard-title' }, hz.code, ' ', h('span', { class: 'hz-h1-title' }, hazardTitle(hz))),
      stateBadge(hz), gradeBadge(String(hz.grade)), deadlineBadge(hz), tierBadge(hz),
      historyLink(AUDIT_ENTITY_HAZARD, hz.id)].filter((el): el is HTMLElement => el !== null));
    fieldsHost.replaceChildren(fieldsOf(hz, sectors));
    timelineHost.replaceChildren(timelineList(timeline, byId));
    galleryHost.replaceChildren(mediaGallery(media));
    extensionsHost.replaceChildren(extensionsList(extensions, canDecide, () => void refresh()));

    const ctx: ActionContext = { sectors, orgs: orgs ?? [], onDone: (updated, text) => void refresh(updated, text) };
    const forms: HTMLElement[] = actionsToOffer(hz.allowed_actions).map((action) => actionForm(hz, action, ctx));
    if (canRequestExtension(hz)) forms.push(extensionForm(hz, () => void refresh()));
    actionsHost.replaceChildren(...(forms.length ? forms : [h('p', { class: 'muted', 'data-testid': 'no-actions' },
      tr('hazardDetail.noActions'))]));
    actionsHost.dataset.allowed = (hz.allowed_actions ?? []).join(',');
    page.dataset.state = String(hz.state);
    page.dataset.hazardId = String(hz.id);
    if (message) {
      showMessage(done, message, 'ok');
      done.scrollIntoView({ block: 'nearest' });
    } else {
      hideMessage(done);
    }
    if (hz.location) {
      if (!hazardsMap) {
        try {
          const basemap = await loadBasemap();
          if (left) return;
          hazardsMap = createHazardsMap(mapHost, basemap, { compact: true, bounds: boundsAround(hz.location) });
        } catch (err) {
          mapHost.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
        }
      }
      hazardsMap?.setHazards([hz]);
    } else {
      mapHost.replaceChildren(h('p', { class: 'muted' }, tr('hazardDetail.noLocation')));
    }
  };

  const refresh = async (fresh?: Hazard, message?: string): Promise<void> => {
    try {
      await renderAll(fresh ?? await getHazard(id), message);
    } catch (err) {
      showMessage(done, errorText(err), 'error');
    }
  };

  void (async () => {
    let hz: Hazard;
    try {
      [hz, sectors] = await Promise.all([getHazard(id), api<Sector[]>('GET', '/api/v1/sectors').catch((): Sector[] => [])]);
    } catch (err) {
      page.lastElementChild!.replaceWith(h('p', { class: 'message message-error', 'data-testid': 'hazard-error' }, errorText(err)));
      return;
    }
    if (left) return;
    page.replaceChildren(back, head, done,
      h('div', { class: 'hz-detail-layout' },
        h('div', { class: 'stack hz-detail-side' },
          h('section', { class: 'card hz-actions-card' }, tr('hazardDetail.actions', undefined, 'h2'), actionsHost),
          h('section', { class: 'card map-card' }, mapHost)),
        h('div', { class: 'stack hz-detail-main' },
          h('section', { class: 'card' }, tr('hazardDetail.fields', undefined, 'h2'), fieldsHost),
          h('section', { class: 'card' }, tr('hazardDetail.timeline', undefined, 'h2'), timelineHost),
          h('section', { class: 'card' }, tr('hazardDetail.media', undefined, 'h2'), galleryHost),
          h('section', { class: 'card' }, tr('hazardDetail.extensions', undefined, 'h2'), extensionsHost))));
    await renderAll(hz);
    document.title = `${hz.code} · ${t('app.name')}`;
  })();

  return () => {
    left = true;
    hazardsMap?.destroy();
    document.title = t('app.name');
  };
};
