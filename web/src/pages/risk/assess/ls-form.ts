// LS risk matrix: R = L × S, both 1–5; bands as DOMAIN.md's published default.
import { h, tr } from '../../../dom';
import { choiceSelect, inputField, numberValue, setSelectValue, type MethodForm } from './method-form';

export const LS_VALUES = [5, 4, 3, 2, 1] as const;

export function createLsForm(onChange: () => void): MethodForm {
  const l = choiceSelect('l', LS_VALUES, 'ls.l');
  const s = choiceSelect('s', LS_VALUES, 'ls.s');
  [l, s].forEach((select) => select.addEventListener('change', onChange));
  const element = h('div', { class: 'method-form', 'data-method': 'ls' },
    h('p', { class: 'formula' }, tr('ls.formula')),
    inputField('ls.lLabel', l, 'l'), inputField('ls.sLabel', s, 's'),
    h('p', { class: 'muted bands' }, tr('ls.bands')));
  return {
    element,
    inputs() {
      const values = { l: numberValue(l), s: numberValue(s) };
      return values.l === null || values.s === null ? null : values;
    },
    prefill(inputs) {
      setSelectValue(l, inputs.l);
      setSelectValue(s, inputs.s);
    },
  };
}
