// What each assessment method's form provides to the assessment panel, and shared controls.
import { fieldError } from '../../../components/errors';
import { h, tr } from '../../../dom';
import { bindText, type MessageKey } from '../../../i18n';

export interface MethodForm {
  element: HTMLElement;
  /** The `inputs` object for POST /risk/assess, or null while a required field is empty. */
  inputs(): Record<string, unknown> | null;
  /** Fills the fields from an earlier assessment's inputs. */
  prefill(inputs: Record<string, unknown>): void;
  /** Called when the risk point's exposure (people within 500 m) becomes known. */
  exposureChanged?(): void;
}

/** A select of allowed values with a blank "choose" entry; option text from `${labelPrefix}.${value}`. */
export function choiceSelect(name: string, values: readonly number[], labelPrefix: string): HTMLSelectElement {
  const blank = h('option', { value: '' });
  bindText(blank, 'assess.choose');
  return h('select', { name, 'data-testid': `assess-${name}` }, blank, values.map((value) => {
    const option = h('option', { value: String(value) });
    bindText(option, `${labelPrefix}.${value}` as MessageKey);
    return option;
  }));
}

/** A labelled control with the error slot for `inputs.<name>`. */
export function inputField(label: MessageKey, control: HTMLElement, name: string): HTMLElement {
  return h('div', { class: 'form-field' }, h('label', {}, tr(label), control), fieldError(`inputs.${name}`));
}

export function numberValue(select: HTMLSelectElement | HTMLInputElement): number | null {
  if (select.value.trim() === '') return null;
  const n = Number(select.value);
  return Number.isFinite(n) ? n : null;
}

export function setSelectValue(select: HTMLSelectElement, value: unknown): void {
  if (value === undefined || value === null) return;
  select.value = String(value);
}
