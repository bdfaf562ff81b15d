// LEC (作业条件危险性评价法): D = L × E × C with the standard's tables (DOMAIN.md).
import { h, tr } from '../../../dom';
import { choiceSelect, inputField, numberValue, setSelectValue, type MethodForm } from './method-form';

export const LEC_L = [10, 6, 3, 1, 0.5, 0.2, 0.1] as const;
export const LEC_E = [10, 6, 3, 2, 1, 0.5] as const;
export const LEC_C = [100, 40, 15, 7, 3, 1] as const;

export function createLecForm(onChange: () => void): MethodForm {
  const l = choiceSelect('l', LEC_L, 'lec.l');
  const e = choiceSelect('e', LEC_E, 'lec.e');
  const c = choiceSelect('c', LEC_C, 'lec.c');
  [l, e, c].forEach((select) => select.addEventListener('change', onChange));
  const element = h('div', { class: 'method-form', 'data-method': 'lec' },
    h('p', { class: 'formula' }, tr('lec.formula')),
    inputField('lec.lLabel', l, 'l'), inputField('lec.eLabel', e, 'e'), inputField('lec.cLabel', c, 'c'),
    h('p', { class: 'muted bands' }, tr('lec.bands')));
  return {
    element,
    inputs() {
      const values = { l: numberValue(l), e: numberValue(e), c: numberValue(c) };
      return Object.values(values).some((v) => v === null) ? null : values;
    },
    prefill(inputs) {
      setSelectValue(l, inputs.l);
      setSelectValue(e, inputs.e);
      setSelectValue(c, inputs.c);
    },
  };
}
