// GB 18218-2018 inputs: substance rows (name or CAS with a datalist of Table 1, quantity in tonnes,
// hazard category from Table 2 when Table 1 does not decide) and the head-count within 500 m.
import type { Gb18218Category, Gb18218Chemical, Gb18218Substances } from '../../../api/risk-types';
import { fieldError } from '../../../components/errors';
import { h, tr } from '../../../dom';
import { bindText } from '../../../i18n';
import { numberOrText, splitTableCell, substanceInput } from '../risk-model';
import { inputField, type MethodForm } from './method-form';

const DATALIST_ID = 'gb18218-chemicals';

interface Row {
  element: HTMLElement;
  substance: HTMLInputElement;
  category: HTMLSelectElement;
  quantity: HTMLInputElement;
  hint: HTMLElement;
}

/** The Table 1 chemical a text names (by name or a part of it, alias or CAS), if any. */
export function findChemical(chemicals: Gb18218Chemical[], text: string): Gb18218Chemical | undefined {
  const needle = text.trim();
  if (!needle) return undefined;
  return chemicals.find((c) => c.name === needle || c.cas === needle)
    ?? chemicals.find((c) => [...splitTableCell(c.name), ...splitTableCell(c.alias), ...splitTableCell(c.cas)].includes(needle));
}

function categorySelect(categories: Gb18218Category[]): HTMLSelectElement {
  const blank = h('option', { value: '' });
  bindText(blank, 'gb.categoryNone');
  return h('select', { name: 'category', 'data-testid': 'gb-category' }, blank, categories.map((c) =>
    h('option', { value: c.symbol, title: c.description }, `${c.symbol} ${c.category}：${c.description}`)));
}

export function createGb18218Form(table: Gb18218Substances, onChange: () => void,
  exposurePeople: () => number | null): MethodForm {
  const datalist = h('datalist', { id: DATALIST_ID }, table.chemicals.flatMap((c) => [
    h('option', { value: c.name }, [c.cas, c.alias].filter(Boolean).join(' · ')),
    ...splitTableCell(c.cas).map((cas) => h('option', { value: cas }, c.name)),
  ]));
  const rows: Row[] = [];
  const body = h('tbody');
  const people = h('input', { type: 'number', min: 0, step: 1, name: 'people_500m', 'data-testid': 'gb-people' });
  people.addEventListener('input', onChange);
  const fromExposure = h('button', { type: 'button', class: 'link-button', 'data-testid': 'gb-people-from-exposure', hidden: true });
  fromExposure.addEventListener('click', () => {
    const n = exposurePeople();
    if (n === null) return;
    people.value = String(n);
    onChange();
  });

  const renumber = (): void => {
    rows.forEach((row, i) => {
      const base = `inputs.substances[${i}]`;
      row.element.querySelectorAll<HTMLElement>('[data-error-for]').forEach((slot) => {
        slot.dataset.errorFor = slot.dataset.part ? `${base}.${slot.dataset.part}` : base;
      });
    });
  };
  const updateHint = (row: Row): void => {
    const chemical = findChemical(table.chemicals, row.substance.value);
    const category = table.categories.find((c) => c.symbol === row.category.value);
    if (chemical) bindText(row.hint, 'gb.hintTable1', { name: chemical.name, q: chemical.critical_t });
    else if (category) bindText(row.hint, 'gb.hintCategory', { symbol: category.symbol, q: category.critical_t });
    else if (row.substance.value.trim()) bindText(row.hint, 'gb.hintUnknown');
    else row.hint.textContent = '';
  };
  const slot = (part: string): HTMLElement => {
    const el = fieldError('');
    if (part) el.dataset.part = part;
    return el;
  };
  const addRow = (values?: { substance?: string; category?: string; quantity?: string }): void => {
    const substance = h('input', { list: DATALIST_ID, name: 'substance', 'data-testid': 'gb-substance', autocomplete: 'off' });
    bindText(substance, 'gb.substancePlaceholder', undefined, 'placeholder');
    const category = categorySelect(table.categories);
    const quantity = h('input', { type: 'text', inputmode: 'decimal', name: 'quantity_t', 'data-testid': 'gb-quantity' });
    const hint = h('small', { class: 'muted gb-hint' });
    const remove = h('button', { type: 'button', class: 'link-button', 'data-testid': 'gb-remove' }, tr('gb.removeRow'));
    const element = h('tr', { class: 'gb-row' },
      h('td', {}, substance, slot('name'), slot('cas'), hint, slot('')),
      h('td', {}, category, slot('category')),
      h('td', {}, quantity, slot('quantity_t')),
      h('td', {}, remove));
    const row: Row = { element, substance, category, quantity, hint };
    substance.value = values?.substance ?? '';
    category.value = values?.category ?? '';
    quantity.value = values?.quantity ?? '';
    updateHint(row);
    for (const control of [substance, category, quantity]) {
      control.addEventListener(control === category ? 'change' : 'input', () => {
        updateHint(row);
        onChange();
      });
    }
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      element.remove();
      renumber();
      onChange();
    });
    rows.push(row);
    body.append(element);
    renumber();
  };
  const add = h('button', { type: 'button', 'data-testid': 'gb-add' }, tr('gb.addRow'));
  add.addEventListener('click', () => addRow());
  addRow();

  const element = h('div', { class: 'method-form', 'data-method': 'gb18218' }, datalist,
    h('p', { class: 'formula' }, tr('gb.formula')),
    h('table', { class: 'data-table compact gb-table' },
      h('thead', {}, h('tr', {}, h('th', {}, tr('gb.substance')), h('th', {}, tr('gb.category')),
        h('th', {}, tr('gb.quantity')), h('th'))),
      body),
    fieldError('inputs.substances'),
    h('div', { class: 'button-row' }, add),
    inputField('gb.people', people, 'people_500m'), fromExposure,
    h('p', { class: 'muted bands' }, tr('gb.bands')));

  return {
    element,
    inputs() {
      // Every row must be complete, so that the server's `inputs.substances[i]` matches row i.
      if (!rows.length || rows.some((r) => !r.substance.value.trim() || !r.quantity.value.trim())) return null;
      if (people.value.trim() === '') return null;
      return {
        substances: rows.map((r) => substanceInput({ substance: r.substance.value, category: r.category.value,
          quantity: r.quantity.value }, findChemical(table.chemicals, r.substance.value)?.name)),
        people_500m: numberOrText(people.value),
      };
    },
    prefill(inputs) {
      const list = Array.isArray(inputs.substances) ? inputs.substances as Record<string, unknown>[] : [];
      if (list.length) {
        rows.splice(0).forEach((r) => r.element.remove());
        for (const s of list) {
          addRow({ substance: String(s.name ?? s.cas ?? ''), category: String(s.category ?? ''),
            quantity: s.quantity_t === undefined ? '' : String(s.quantity_t) });
        }
      }
      if (inputs.people_500m !== undefined) people.value = String(inputs.people_500m);
    },
    exposureChanged() {
      const n = exposurePeople();
      fromExposure.hidden = n === null;
      if (n === null) return;
      bindText(fromExposure, 'gb.fromExposure', { people: n });
      if (people.value.trim() === '') {
        people.value = String(n);
        onChange();
      }
    },
  };
}
