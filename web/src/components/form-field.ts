// A labelled form control with an error slot that showFormError() fills from problem+json `field`.
import { h, tr } from '../dom';
import type { MessageKey } from '../i18n';
import { fieldError } from './errors';

export function formField(label: MessageKey, control: HTMLElement, errorFor: string,
  options: { optional?: boolean } = {}): HTMLElement {
  return h('div', { class: 'form-field', 'data-field': errorFor },
    h('label', {}, tr(label), options.optional ? h('small', {}, ' ', tr('common.optional')) : null, control),
    fieldError(errorFor));
}

/** A group of checkboxes; returns the container and a reader for the checked values. */
export function checkboxGroup(name: string, choices: { value: string; label: HTMLElement }[],
  checked: string[] = []): { element: HTMLElement; values(): string[] } {
  const boxes = choices.map((choice) => {
    const box = h('input', { type: 'checkbox', name, value: choice.value, checked: checked.includes(choice.value) });
    return { box, element: h('label', { class: 'check' }, box, choice.label) };
  });
  return {
    element: h('div', { class: 'checks', 'data-testid': `${name}-checks` }, boxes.map((b) => b.element)),
    values: () => boxes.filter((b) => b.box.checked).map((b) => b.box.value),
  };
}
