// #/risk/index — the area safety index (安全应急指数): per street, 0–100, higher is safer. A ranked
// table (lowest first), a bar chart, and the formula with its weights spelled out on the page.
import { api } from '../../api/client';
import { COLOURS, type SafetyIndex, type SafetyIndexItem, type SafetyIndexWeights } from '../../api/risk-types';
import { errorText } from '../../components/errors';
import { h, tr } from '../../dom';
import { bindText } from '../../i18n';
import { buildHash } from '../../router';
import type { PageRenderer } from '../page';
import { GRADES, hazardCounts, indexColour, loadTerms, rankByIndex } from './index-model';
import { swatch } from './risk-labels';
import { formatNumber, fullCounts } from './risk-model';

function formulaCard(data: SafetyIndex): HTMLElement {
  const w = data.weights;
  const row = (label: (Node | string)[], weight: number, key: string): HTMLElement =>
    h('tr', { 'data-weight': key }, h('td', {}, label), h('td', { class: 'num' }, formatNumber(weight)));
  return h('section', { class: 'card index-formula', 'data-testid': 'safety-method' }, h('div', {},
    tr('index.method', undefined, 'h2'),
    tr('index.formulaPlain', { scale: formatNumber(w.scale) }, 'p'),
    h('p', {}, tr('index.serverFormula'), h('br'),
      h('code', { class: 'formula-code', 'data-testid': 'safety-formula' }, data.formula)),
    tr('index.formulaNote', undefined, 'p')),
    h('table', { class: 'data-table compact weights-table', 'data-testid': 'safety-weights' },
      h('thead', {}, h('tr', {}, h('th', {}, tr('index.term')), h('th', { class: 'num' }, tr('index.weight')))),
      h('tbody', {},
        COLOURS.map((c) => row([swatch(c), tr(`risk.level.${c}`)], w[c], c)),
        GRADES.map((g) => row([tr(`risk.grade.${g}`), ' ', tr('index.hazardSource')], w[`grade_${g}`], `grade_${g}`)),
        row([tr('index.scale')], w.scale, 'scale'))));
}

function indexCell(item: SafetyIndexItem, w: SafetyIndexWeights): HTMLElement {
  const value = formatNumber(item.index, 1);
  const cell = h('div', { class: 'index-cell' }, h('strong', { 'data-testid': 'index-value' }, value),
    h('span', { class: 'index-bar' },
      h('span', { style: `width:${Math.min(Math.max(item.index, 0), 100)}%;background:${indexColour(item.index)}` })));
  bindText(cell, 'index.indexTitle', { load: formatNumber(item.load), scale: formatNumber(w.scale), index: value }, 'title');
  return cell;
}

function indexTable(ranked: SafetyIndexItem[], w: SafetyIndexWeights): HTMLElement {
  const num = (text: string | number): HTMLElement => h('td', { class: 'num' }, String(text));
  return h('table', { class: 'data-table compact index-table', 'data-testid': 'safety-index-table' },
    h('thead', {}, h('tr', {},
      h('th', { class: 'num' }, tr('index.rank')), h('th', {}, tr('index.street')), h('th', {}, tr('index.value')),
      h('th', { class: 'num' }, tr('index.load')),
      COLOURS.map((c) => h('th', { class: 'num' }, swatch(c), tr(`risk.level.${c}`))),
      h('th', { class: 'num' }, tr('risk.level.none')), h('th', { class: 'num' }, tr('risk.total')),
      h('th', { class: 'num' }, tr('index.hazards')))),
    h('tbody', {}, ranked.length ? ranked.map((item, i) => {
      const counts = fullCounts(item.counts);
      const load = h('td', { class: 'num' }, formatNumber(item.load));
      const terms = loadTerms(item, w);
      if (terms.length) bindText(load, 'index.loadTitle', { terms: terms.join(' + '), load: formatNumber(item.load) }, 'title');
      return h('tr', { 'data-org-id': String(item.org_id) },
        num(i + 1),
        h('td', {}, h('a', { href: buildHash('risk/lists/major_risks', { org_id: String(item.org_id) }) }, item.name)),
        h('td', {}, indexCell(item, w)),
        load,
        COLOURS.map((c) => num(counts[c])),
        num(item.counts.unassessed ?? 0), num(item.counts.total ?? '—'),
        num(hazardCounts(item).join(' / ')));
    }) : h('tr', {}, h('td', { colspan: 12, class: 'muted' }, tr('index.empty')))));
}

export const renderIndexPage: PageRenderer = (outlet) => {
  const body = h('div', {}, tr('app.loading', undefined, 'p'));
  outlet.append(h('section', { class: 'page index-page', 'data-testid': 'safety-index-page' },
    tr('index.title', undefined, 'h1'), tr('index.intro', undefined, 'p'), body));
  let unmountChart: (() => void) | null = null;
  let left = false;

  void (async () => {
    let data: SafetyIndex;
    try {
      data = await api<SafetyIndex>('GET', '/api/v1/risk/safety-index');
    } catch (err) {
      body.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
      return;
    }
    if (left) return;
    const ranked = rankByIndex(data.items ?? []);
    const chartHost = h('div', { class: 'index-chart', 'data-testid': 'safety-index-chart' });
    body.replaceChildren(formulaCard(data), h('div', { class: 'stack' },
      h('section', { class: 'card' }, indexTable(ranked, data.weights)),
      h('section', { class: 'card' }, tr('index.chart', undefined, 'h2'), chartHost)));
    if (!ranked.length) return;
    const { mountIndexChart } = await import('./index-chart');
    if (!left) unmountChart = mountIndexChart(chartHost, ranked);
  })();

  return () => {
    left = true;
    unmountChart?.();
  };
};
