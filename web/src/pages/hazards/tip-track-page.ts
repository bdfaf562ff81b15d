// #/tip/track — follow a tip by its tracking code (GET /api/v1/public/tips/{code}), no sign-in:
// the hazard code, the state, when it was reported and last changed, the outcome, and the dated
// steps (never names or notes).
import { ApiError } from '../../api/client';
import { errorText, hideMessage, messageLine, showMessage } from '../../components/errors';
import { formField } from '../../components/form-field';
import { formatTime, h, tr } from '../../dom';
import { t } from '../../i18n';
import { detailList } from '../admin/detail-list';
import type { PageRenderer } from '../page';
import { trackTip } from './hazard-api';
import { keyedText, plainStateBadge } from './hazard-labels';
import { normaliseTrackingCode } from './hazard-model';
import type { TipStatus } from './hazard-types';
import { publicFrame } from './public-frame';

function statusView(status: TipStatus): HTMLElement {
  return h('section', { class: 'card', 'data-testid': 'track-result' },
    detailList([
      ['track.hazardCode', h('span', { 'data-testid': 'track-hazard-code' }, status.hazard_code)],
      ['track.state', plainStateBadge(status.state, 'track-state')],
      ['track.reportedAt', formatTime(status.reported_at)],
      ['track.updatedAt', formatTime(status.updated_at)],
      ...(status.outcome ? [['track.outcome', h('span', { class: 'hz-pre' }, status.outcome)] as ['track.outcome', HTMLElement]] : []),
    ]),
    tr('track.steps', undefined, 'h2'),
    h('ol', { class: 'hz-timeline', 'data-testid': 'track-steps' }, (status.steps ?? []).map((s) => {
      const state = s.state ?? s.to ?? '';
      return h('li', { 'data-action': s.action, 'data-state': state },
        h('div', { class: 'hz-step-head' }, h('time', {}, formatTime(s.at)), ' ',
          h('strong', {}, keyedText('hazard.step', s.action)), state ? [' ', plainStateBadge(state)] : null));
    })));
}

export const renderTipTrackPage: PageRenderer = (outlet, route) => {
  const code = h('input', { name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
    enterkeyhint: 'search', 'data-testid': 'track-code', value: route.query.get('code') ?? '' });
  const general = messageLine('track-message');
  const submit = h('button', { type: 'submit', class: 'primary hz-big', 'data-testid': 'track-submit' }, tr('track.submit'));
  const result = h('div');
  const form = h('form', { class: 'form hz-form', 'data-testid': 'track-form', novalidate: true },
    formField('track.code', code, 'code'), general, h('div', { class: 'button-row' }, submit));
  publicFrame(outlet, 'track', h('div', { 'data-testid': 'track-page' },
    h('section', { class: 'card' }, tr('track.title', undefined, 'h1'), tr('track.intro', undefined, 'p'), form),
    result));

  const lookUp = async (): Promise<void> => {
    hideMessage(general);
    const value = normaliseTrackingCode(code.value);
    if (!value) return;
    submit.disabled = true;
    try {
      result.replaceChildren(statusView(await trackTip(value)));
    } catch (err) {
      result.replaceChildren();
      showMessage(general, err instanceof ApiError && err.status === 404 ? t('track.notFound') : errorText(err), 'error');
    } finally {
      submit.disabled = false;
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void lookUp();
  });
  if (code.value) void lookUp();
  else code.focus();
};
