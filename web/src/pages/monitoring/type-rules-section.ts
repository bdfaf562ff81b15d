// 按类型设置报警规则 (administrators): each sensor type with its units, its built-in rules and the rules
// set for it (PUT /api/v1/sensor-types/{type}/rules; empty text restores the defaults). A sensor
// without rules of its own runs its type's.
import { errorText, fieldError, messageLine, onSubmit, showMessage, submitting } from '../../components/errors';
import { h, tr } from '../../dom';
import { bindText, t } from '../../i18n';
import { keyedText } from '../hazards/hazard-labels';
import { sensorTypes, setTypeRules } from './monitoring-api';
import { defaultRulesText } from './monitoring-model';
import type { SensorTypeInfo } from './monitoring-types';

function typeForm(info: SensorTypeInfo, onSaved: () => void): HTMLElement {
  const type = String(info.type);
  const text = h('textarea', { name: 'rules', rows: 3, maxlength: 4000, spellcheck: 'false', 'data-testid': `type-rules-${type}` });
  text.value = info.rules ?? '';
  bindText(text, 'mon.typeRules.placeholder', undefined, 'placeholder');
  const general = messageLine(`type-rules-message-${type}`);
  const save = h('button', { type: 'submit', class: 'primary', 'data-testid': `type-rules-save-${type}` }, tr('mon.save'));
  const defaults = defaultRulesText(info);
  const form = h('form', { class: 'form mon-type-rule', 'data-type': type, novalidate: true },
    h('h3', {}, keyedText('mon.type', type), ' ', h('small', { class: 'muted' }, (info.units ?? []).join(' / '))),
    h('div', { class: 'mon-type-rule-body' },
      h('div', {}, tr('mon.typeRules.defaults', undefined, 'small'),
        h('pre', { class: 'mon-rules-text muted' }, defaults || t('mon.noTypeRules'))),
      h('div', { class: 'form-field', 'data-field': 'rules' },
        h('label', {}, tr('mon.typeRules.set'), text), fieldError('rules'))),
    general, h('div', { class: 'button-row' }, save));
  onSubmit(form, general, async () => {
    await submitting([save], form, general, async () => {
      await setTypeRules(type, text.value.trim());
      showMessage(general, t('mon.typeRules.saved'), 'ok');
      onSaved();
    });
  });
  return form;
}

export function createTypeRulesSection(onSaved: () => void): { element: HTMLElement; load(): Promise<void> } {
  const body = h('div', { class: 'mon-type-rules' }, tr('app.loading', undefined, 'p'));
  const element = h('section', { class: 'card', 'data-testid': 'type-rules' },
    tr('mon.typeRules.title', undefined, 'h2'), tr('mon.typeRules.intro', undefined, 'p'), body);
  return {
    element,
    async load() {
      try {
        const types = await sensorTypes();
        body.replaceChildren(...types.map((info) => typeForm(info, onSaved)));
      } catch (err) {
        body.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
      }
    },
  };
}
