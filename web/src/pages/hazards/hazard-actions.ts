// One form per action the server allows on a hazard (allowed_actions), plus the extension request
// of the responsible unit. Phone-first: one column, large controls, the camera for evidence.
// Files are uploaded (POST /hazards/{id}/media?stage=…, raw body) before the action that names them;
// a file already uploaded is not sent again when the action is retried.
import type { Org, Sector } from '../../api/types';
import { clearFieldErrors, messageLine, onSubmit, showMessage, submitting } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { bindText, t, type MessageKey } from '../../i18n';
import { orgOption } from '../admin/org-options';
import { actOn, requestExtension, uploadAll } from './hazard-api';
import { enumSelect, sectorSelect } from './hazard-labels';
import { fileField, type FileField } from './hazard-media';
import { addDays, assignableOrgs, beijingToday, dayOf, idValue } from './hazard-model';
import {
  DAY_COUNTS, HAZARD_GRADES, type ActionRequest, type Hazard, type HazardAction, type HazardMedia, type MediaStage,
} from './hazard-types';

export interface ActionContext {
  sectors: Sector[];
  /** Organisations the caller sees (for the responsible unit). */
  orgs: Org[];
  onDone(updated: Hazard, message: string): void;
}

function textArea(name: string, testId: string, options: { required?: boolean; rows?: number } = {}): HTMLTextAreaElement {
  return h('textarea', { name, rows: options.rows ?? 3, required: options.required ?? false, 'data-testid': testId });
}

function dateInput(name: string, testId: string, min?: string): HTMLInputElement {
  return h('input', { type: 'date', name, min, 'data-testid': testId });
}

/** A radio group; returns the element and a reader of the chosen value. */
function radios<T extends string>(name: string, values: readonly T[], label: (v: T) => MessageKey, initial: T,
  onChange: (v: T) => void): { element: HTMLElement; value(): T } {
  const inputs = values.map((value) => h('input', { type: 'radio', name, value, checked: value === initial,
    'data-testid': `${name}-${value}` }));
  inputs.forEach((input) => input.addEventListener('change', () => onChange(input.value as T)));
  return {
    element: h('div', { class: 'hz-radios', role: 'radiogroup' }, inputs.map((input, i) =>
      h('label', { class: 'check' }, input, tr(label(values[i]))))),
    value: () => (inputs.find((i) => i.checked)?.value ?? initial) as T,
  };
}

type Build = { fields: HTMLElement[]; body(): ActionRequest | null; files?: FileField; stage?: MediaStage };

function buildFields(hazard: Hazard, action: HazardAction, ctx: ActionContext, form: () => HTMLElement): Build {
  const id = (name: string): string => `action-${action}-${name}`;
  switch (action) {
    case 'accept': {
      const sector = sectorSelect(ctx.sectors, 'sector', { first: 'pick', testId: id('sector'), value: hazard.sector ?? '' });
      const grade = enumSelect('grade', HAZARD_GRADES, 'hazard.grade', { testId: id('grade'), value: String(hazard.grade) });
      return {
        fields: [formField('hazardAction.sector', sector, 'sector'), formField('hazardAction.grade', grade, 'grade')],
        body: () => ({ action, sector: sector.value || undefined, grade: grade.value }),
      };
    }
    case 'reject':
    case 'return': {
      const reason = textArea('reason', id('reason'), { required: true });
      return { fields: [formField('hazardAction.reason', reason, 'reason')], body: () => ({ action, reason: reason.value.trim() }) };
    }
    case 'assign': {
      const unit = h('select', { name: 'responsible_org_id', 'data-testid': id('org') });
      for (const org of assignableOrgs(ctx.orgs, hazard.org_id)) unit.append(orgOption(org, 0));
      const preferred = String(hazard.responsible_org_id ?? hazard.org_id);
      if (![...unit.options].some((o) => o.value === preferred)) {
        unit.prepend(h('option', { value: preferred }, hazard.responsible_org_name ?? hazard.org_name ?? `#${preferred}`));
      }
      unit.value = preferred;
      const today = beijingToday();
      const deadline = dateInput('deadline', id('deadline'), today);
      const days = h('input', { type: 'number', name: 'days', min: 1, step: 1, inputmode: 'numeric', 'data-testid': id('days') });
      const dayCount = enumSelect('day_count', ['', ...DAY_COUNTS], 'hazardAction.dayCount', { testId: id('day-count') });
      bindText(dayCount.options[0], 'hazardAction.dayCount.default');
      const dateRow = formField('hazardAction.deadline', deadline, 'deadline');
      const daysRow = h('div', { class: 'hz-days-row' }, formField('hazardAction.days', days, 'days'),
        formField('hazardAction.dayCount', dayCount, 'day_count'));
      const show = (mode: string): void => {
        dateRow.hidden = mode !== 'date';
        daysRow.hidden = mode !== 'days';
      };
      const mode = radios('deadline_mode', ['date', 'days', 'policy'] as const,
        (v) => `hazardAction.deadlineMode.${v}`, 'date', show);
      show('date');
      return {
        fields: [formField('hazardAction.responsibleOrg', unit, 'responsible_org_id'),
          h('div', { class: 'form-field' }, tr('hazardAction.deadlineMode', undefined, 'label'), mode.element),
          dateRow, daysRow],
        body: () => {
          const request: ActionRequest = { action, responsible_org_id: idValue(unit.value) };
          if (mode.value() === 'date') {
            if (!deadline.value) {
              missing(form(), 'deadline', t('hazardAction.deadline'));
              return null;
            }
            request.deadline = deadline.value;
          } else if (mode.value() === 'days') {
            const n = Number(days.value);
            if (!days.value || !Number.isInteger(n) || n < 1) {
              missing(form(), 'days', t('hazardAction.days'));
              return null;
            }
            request.days = n;
            if (dayCount.value) request.day_count = dayCount.value as ActionRequest['day_count'];
          }
          return request;
        },
      };
    }
    case 'start':
    case 'verify': {
      const note = textArea('note', id('note'), { rows: 2 });
      return { fields: [formField('hazardAction.note', note, 'note', { optional: true })],
        body: () => ({ action, note: note.value.trim() || undefined }) };
    }
    case 'progress':
    case 'submit': {
      const note = textArea('note', id('note'));
      const files = fileField('files', 'hazardAction.files', 'media_ids',
        { testId: id('files'), hint: 'hazardAction.filesHint' });
      return {
        fields: [files.element, formField('hazardAction.note', note, 'note', { optional: action === 'submit' })],
        body: () => {
          if (action === 'submit' && files.files().length === 0) {
            missing(form(), 'media_ids', t('hazardAction.needFiles'), true);
            return null;
          }
          return { action, note: note.value.trim() || undefined };
        },
        files,
        stage: action === 'submit' ? 'evidence' : 'progress',
      };
    }
    case 'reopen': {
      const reason = textArea('reason', id('reason'), { required: true });
      const deadline = dateInput('deadline', id('deadline'), beijingToday());
      return {
        fields: [formField('hazardAction.reason', reason, 'reason'),
          formField('hazardAction.deadline', deadline, 'deadline', { optional: true })],
        body: () => ({ action, reason: reason.value.trim(), deadline: deadline.value || undefined }),
      };
    }
  }
}

/** Marks a required field empty before anything is sent. */
function missing(form: HTMLElement, field: string, text: string, whole = false): void {
  clearFieldErrors(form);
  const slot = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
  if (!slot) return;
  showMessage(slot, whole ? text : `${text}：${t('hazardAction.required')}`, 'error');
  slot.className = 'field-error';
}

export function actionForm(hazard: Hazard, action: HazardAction, ctx: ActionContext): HTMLElement {
  const general = messageLine(`action-${action}-message`);
  const submit = h('button', { type: 'submit', class: 'primary hz-big', 'data-testid': `action-${action}-submit` },
    tr(`hazard.action.${action}`));
  const built = buildFields(hazard, action, ctx, () => form);
  /** Files already uploaded for this form, so a retry does not upload them twice. */
  const uploaded = new Map<File, HazardMedia>();
  const form: HTMLFormElement = h('form', { class: 'form hz-action-form', 'data-action': action, 'data-testid': `action-${action}`, novalidate: true },
    h('h3', {}, tr(`hazard.action.${action}`)),
    tr(`hazard.actionHint.${action}`, undefined, 'p'),
    built.fields, general, h('div', { class: 'button-row' }, submit));

  onSubmit(form, general, async () => {
    const body = built.body();
    if (!body) return;
    await submitting([submit], form, general, async () => {
      if (built.files && built.stage) {
        const pending = built.files.files().filter((f) => !uploaded.has(f));
        const media = await uploadAll(hazard.id, pending, built.stage, 'media_ids', (n, total) => {
          showMessage(general, t('hazardAction.uploading', { n, total }), 'ok');
        });
        pending.forEach((file, i) => uploaded.set(file, media[i]));
        const ids = built.files.files().map((f) => uploaded.get(f)?.id).filter((x): x is number => x !== undefined);
        if (ids.length) body.media_ids = ids;
      }
      showMessage(general, t('hazardAction.working'), 'ok');
      const updated = await actOn(hazard.id, body);
      ctx.onDone(updated, t('hazardAction.done', { action: t(`hazard.action.${action}`) }));
    });
  });
  return form;
}

/** The responsible unit asks for a later deadline (POST /hazards/{id}/extensions). */
export function extensionForm(hazard: Hazard, onDone: () => void): HTMLElement {
  const reason = textArea('reason', 'extension-reason', { required: true });
  const current = dayOf(hazard.deadline);
  const deadline = dateInput('deadline', 'extension-deadline', current ? addDays(current, 1) : beijingToday());
  const general = messageLine('extension-message');
  const submit = h('button', { type: 'submit', class: 'hz-big', 'data-testid': 'extension-submit' }, tr('extension.submit'));
  const form = h('form', { class: 'form hz-action-form', 'data-testid': 'extension-form', novalidate: true },
    h('h3', {}, tr('extension.request')), tr('extension.hint', undefined, 'p'),
    formField('extension.reason', reason, 'reason'), formField('extension.deadline', deadline, 'deadline'),
    general, h('div', { class: 'button-row' }, submit));
  onSubmit(form, general, async () => {
    if (!deadline.value) {
      missing(form, 'deadline', t('extension.deadline'));
      return;
    }
    await submitting([submit], form, general, async () => {
      await requestExtension(hazard.id, reason.value.trim(), deadline.value);
      reason.value = '';
      showMessage(general, t('extension.requested'), 'ok');
      onDone();
    });
  });
  return form;
}
