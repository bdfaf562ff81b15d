// The deadline policy (整改期限规则): the rules per source and grade (days by default and at most,
// calendar or working days, the basis), the milestones of major hazards and the escalation
// thresholds of graded supervision; saved with PUT /api/v1/hazard-policy, errors beside the field.
import { api } from '../../api/client';
import { clearFieldErrors, errorText, fieldError, hideMessage, messageLine, showMessage, submitting } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { bindText, t, type MessageKey } from '../../i18n';
import { HAZARD_GRADES, HAZARD_SOURCES } from '../hazards/hazard-types';
import { milestoneLabel } from './labels';
import {
  ESCALATION_KEYS, emptyMilestone, emptyRule, formToPolicy, policyToForm, type PolicyForm, type RuleRow,
} from './policy-model';
import type { HazardPolicyJson } from './types';

function select(values: readonly string[], labelOf: (v: string) => MessageKey, value: string, testId: string,
  onChange: (v: string) => void, disabled: boolean): HTMLSelectElement {
  const el = h('select', { 'data-testid': testId, disabled }, values.map((v) => {
    const option = h('option', { value: v });
    bindText(option, labelOf(v));
    return option;
  }));
  el.value = value;
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

function input(value: string, testId: string, onInput: (v: string) => void, disabled: boolean,
  type: 'number' | 'text' = 'number'): HTMLInputElement {
  const el = h('input', { type, value, 'data-testid': testId, disabled, ...(type === 'number' ? { min: 0, step: 1 } : {}) });
  el.addEventListener('input', () => onInput(el.value));
  return el;
}

const cell = (field: string, ...control: HTMLElement[]): HTMLElement => h('td', {}, control, fieldError(field));

export function createPolicySection(canEdit: boolean): { element: HTMLElement; load(): Promise<void> } {
  let form: PolicyForm = policyToForm(null);
  const ruleRows = h('tbody');
  const milestoneRows = h('tbody');
  const escalation = h('div', { class: 'hza-escalation' });
  const general = messageLine('policy-message');
  const save = h('button', { type: 'button', class: 'primary', 'data-testid': 'policy-save' }, tr('hza.pol.save'));
  const addRule = h('button', { type: 'button', 'data-testid': 'policy-add-rule' }, tr('hza.pol.addRule'));
  const addMilestone = h('button', { type: 'button', 'data-testid': 'policy-add-milestone' }, tr('hza.pol.addMilestone'));
  const ro = !canEdit;

  const ruleRow = (r: RuleRow, i: number): HTMLElement => {
    const set = (patch: Partial<RuleRow>): void => { form.rules[i] = { ...form.rules[i], ...patch }; };
    const f = (name: string): string => `rules[${i}].${name}`;
    return h('tr', { 'data-rule': String(i) },
      cell(f('source'), select(['', ...HAZARD_SOURCES], (v) => v ? `hza.source.${v}` as MessageKey : 'hza.pol.anySource',
        r.source, 'rule-source', (source) => set({ source }), ro), fieldError(`rules[${i}]`)),
      cell(f('grade'), select(['', ...HAZARD_GRADES], (v) => v ? `hza.grade.${v}` as MessageKey : 'hza.pol.anyGrade',
        r.grade, 'rule-grade', (grade) => set({ grade }), ro)),
      cell(f('default_days'), input(r.default_days, 'rule-default-days', (default_days) => set({ default_days }), ro)),
      cell(f('max_days'), input(r.max_days, 'rule-max-days', (max_days) => set({ max_days }), ro)),
      cell(f('day_count'), select(['calendar', 'working'], (v) => `hza.pol.count.${v}` as MessageKey, r.day_count,
        'rule-day-count', (day_count) => set({ day_count }), ro)),
      cell(f('basis'), input(r.basis, 'rule-basis', (basis) => set({ basis }), ro, 'text')),
      h('td', {}, canEdit ? h('button', { type: 'button', class: 'link-button', 'data-testid': 'rule-remove',
        onclick: () => { form.rules.splice(i, 1); render(); } }, tr('hza.remove')) : null));
  };

  const milestoneRow = (m: PolicyForm['milestones'][number], i: number): HTMLElement => {
    const set = (patch: Partial<typeof m>): void => { form.milestones[i] = { ...form.milestones[i], ...patch }; };
    const known = milestoneLabel(m.name);
    known.className = 'muted';
    return h('tr', { 'data-milestone': String(i) },
      cell(`major_milestones[${i}].name`, input(m.name, 'milestone-name', (name) => set({ name }), ro, 'text'),
        m.name ? known : h('span')),
      cell(`major_milestones[${i}].working_days`,
        input(m.working_days, 'milestone-days', (working_days) => set({ working_days }), ro)),
      h('td', {}, canEdit ? h('button', { type: 'button', class: 'link-button', 'data-testid': 'milestone-remove',
        onclick: () => { form.milestones.splice(i, 1); render(); } }, tr('hza.remove')) : null));
  };

  const render = (): void => {
    ruleRows.replaceChildren(...form.rules.map(ruleRow));
    milestoneRows.replaceChildren(...form.milestones.map(milestoneRow));
    escalation.replaceChildren(...ESCALATION_KEYS.map((k) => formField(`hza.pol.esc.${k}` as MessageKey,
      input(form.escalation[k], `escalation-${k}`, (v) => { form.escalation[k] = v; }, ro), `escalation.${k}`)));
  };

  addRule.addEventListener('click', () => { form.rules.push(emptyRule()); render(); });
  addMilestone.addEventListener('click', () => { form.milestones.push(emptyMilestone()); render(); });

  const element = h('section', { class: 'card hza-policy', 'data-testid': 'policy-section' },
    tr('hza.pol.title', undefined, 'h2'), tr('hza.pol.intro', undefined, 'p'),
    tr('hza.pol.rules', undefined, 'h3'),
    h('div', { class: 'hza-table-wrap' }, h('table', { class: 'data-table compact hza-rules', 'data-testid': 'policy-rules' },
      h('thead', {}, h('tr', {}, (['hza.pol.source', 'hza.pol.grade', 'hza.pol.defaultDays', 'hza.pol.maxDays',
        'hza.pol.dayCount', 'hza.pol.basis'] as MessageKey[]).map((k) => h('th', {}, tr(k))), h('th', {}))),
      ruleRows)),
    fieldError('rules'),
    canEdit ? h('div', { class: 'button-row' }, addRule) : null,
    tr('hza.pol.milestones', undefined, 'h3'), tr('hza.pol.milestonesHint', undefined, 'p'),
    h('table', { class: 'data-table compact hza-milestones', 'data-testid': 'policy-milestones' },
      h('thead', {}, h('tr', {}, h('th', {}, tr('hza.pol.milestoneName')), h('th', {}, tr('hza.pol.workingDays')), h('th', {}))),
      milestoneRows),
    fieldError('major_milestones'),
    canEdit ? h('div', { class: 'button-row' }, addMilestone) : null,
    tr('hza.pol.escalation', undefined, 'h3'), tr('hza.pol.escalationHint', undefined, 'p'),
    escalation, fieldError('escalation'),
    canEdit ? h('div', { class: 'button-row' }, save) : null, general);

  save.addEventListener('click', () => void (async () => {
    hideMessage(general);
    clearFieldErrors(element);
    const { policy, problems } = formToPolicy(form);
    if (problems.length) {
      for (const p of problems) {
        const slot = element.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(p.field)}"]`);
        if (slot) {
          showMessage(slot, t(`hza.pol.problem.${p.key}`), 'error');
          slot.className = 'field-error';
        }
      }
      showMessage(general, t('hza.pol.fixFields'), 'error');
      return;
    }
    await submitting([save], element, general, async () => {
      const saved = await api<HazardPolicyJson>('PUT', '/api/v1/hazard-policy', policy);
      form = policyToForm(saved ?? policy);
      render();
      showMessage(general, t('hza.pol.saved'), 'ok');
    });
  })());

  return {
    element,
    async load() {
      try {
        form = policyToForm(await api<HazardPolicyJson>('GET', '/api/v1/hazard-policy'));
      } catch (err) {
        showMessage(general, errorText(err), 'error');
      }
      render();
    },
  };
}
