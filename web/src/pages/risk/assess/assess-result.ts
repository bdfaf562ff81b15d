// The computed result beside the assessment form: value, band and colour for LEC/LS; S, α, R,
// grade and each substance's q/Q and β for GB 18218.
import type { AssessResult, Method } from '../../../api/risk-types';
import { h, tr } from '../../../dom';
import type { MessageKey } from '../../../i18n';
import { colourBadge } from '../risk-labels';
import { formatNumber, isColour, levelColour } from '../risk-model';

function row(label: MessageKey | string, value: HTMLElement | string, testId: string): HTMLElement {
  const term = label.includes('.') ? tr(label as MessageKey) : h('span', {}, label);
  return h('div', { class: 'result-row' }, h('dt', {}, term), h('dd', { 'data-testid': testId }, value));
}

function termsTable(result: AssessResult): HTMLElement | null {
  if (!result.terms?.length) return null;
  return h('table', { class: 'data-table compact', 'data-testid': 'gb-terms' },
    h('thead', {}, h('tr', {}, h('th', {}, tr('gb.substance')), h('th', { class: 'num' }, 'q (t)'),
      h('th', { class: 'num' }, 'Q (t)'), h('th', { class: 'num' }, 'q/Q'), h('th', { class: 'num' }, 'β'))),
    h('tbody', {}, result.terms.map((term) => h('tr', {},
      h('td', {}, term.substance), h('td', { class: 'num' }, formatNumber(term.q, 3)),
      h('td', { class: 'num' }, formatNumber(term.critical_q, 3)), h('td', { class: 'num' }, formatNumber(term.ratio, 4)),
      h('td', { class: 'num' }, formatNumber(term.beta))))));
}

export function renderResult(method: Method, result: AssessResult): HTMLElement {
  const colour = isColour(result.colour) ? result.colour : levelColour(result.level);
  if (method !== 'gb18218') {
    return h('dl', { class: 'result', 'data-testid': 'assess-result' },
      row(method === 'lec' ? 'D' : 'R', h('strong', {}, formatNumber(result.value)), 'result-value'),
      result.band ? row('assess.band', result.band, 'result-band') : null,
      row('risk.colourLevel', colourBadge(colour), 'result-colour'));
  }
  const major = result.is_major_hazard ?? (result.s !== undefined ? result.s >= 1 : undefined);
  return h('div', { 'data-testid': 'assess-result' },
    h('dl', { class: 'result' },
      row('S', h('strong', {}, formatNumber(result.s, 4)), 'result-s'),
      row('gb.isMajorLabel', tr(major ? 'gb.isMajor' : 'gb.notMajor'), 'result-major'),
      row('α', formatNumber(result.alpha), 'result-alpha'),
      row('R', h('strong', {}, formatNumber(result.r, 3)), 'result-r'),
      row('risk.colourLevel', colourBadge(colour, major ? result.grade : null), 'result-colour')),
    termsTable(result));
}
