// #/hazards/stats — hazard statistics (隐患统计): a period (this month / quarter / year or any dates),
// the headline figures, found/closed/overdue by grade and by source, and the leader's ranking of
// streets or departments by closure rate, on-time rate and fewest overdue.
import { api } from '../../api/client';
import type { Sector } from '../../api/types';
import { errorText } from '../../components/errors';
import { h, tr } from '../../dom';
import { bindBilingual, bindText, type MessageKey } from '../../i18n';
import { buildHash, navigate } from '../../router';
import type { PageRenderer } from '../page';
import { gradeLabel, sourceLabel } from './labels';
import {
  HEADLINE, PRESETS, RANKING_KINDS, beijingToday, figureText, figuresOf, gradeRows, isIsoDay, matchPreset,
  periodFromQuery, presetPeriod, rankRows, rankingUrl, sourceRows, statsUrl, type Period, type RankingKind,
} from './stats-model';
import type { Figures, HazardStats, RankingItem } from './types';

type Unmount = () => void;
type Row = { key: string; figures: Figures };

function figureCells(f: Figures): HTMLElement[] {
  return HEADLINE.map((key) => h('td', { class: 'num', 'data-col': key }, figureText(f, key)));
}

const figureHeads = (): HTMLElement[] => HEADLINE.map((key) => h('th', { class: 'num' }, tr(`hza.fig.${key}`)));

function breakdownTable(testId: string, head: MessageKey, rows: Row[], label: (key: string) => HTMLElement): HTMLElement {
  return h('table', { class: 'data-table compact', 'data-testid': testId },
    h('thead', {}, h('tr', {}, h('th', {}, tr(head)), figureHeads())),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-key': r.key }, h('td', {}, label(r.key)), figureCells(r.figures)))));
}

function headline(total: Figures): HTMLElement {
  return h('div', { class: 'hza-figures', 'data-testid': 'stats-figures' }, HEADLINE.map((key) =>
    h('div', { class: `hza-figure hza-figure-${key}`, 'data-figure': key },
      tr(`hza.fig.${key}`, undefined, 'span'),
      h('strong', { 'data-testid': `figure-${key}` }, figureText(total, key)),
      tr(`hza.figHint.${key}`, undefined, 'small'))));
}

function periodBar(period: Period, sector: string, by: RankingKind, sectors: HTMLSelectElement): HTMLElement {
  const today = beijingToday();
  const active = matchPreset(period, today);
  const from = h('input', { type: 'date', name: 'from', value: period.from, max: today, 'data-testid': 'stats-from' });
  const to = h('input', { type: 'date', name: 'to', value: period.to, 'data-testid': 'stats-to' });
  sectors.value = sector;
  const go = (p: Period): void => navigate(buildHash('hazards/stats', { from: p.from, to: p.to, sector: sectors.value, by }));
  const error = h('span', { class: 'field-error', hidden: true });
  const apply = h('button', { type: 'submit', class: 'primary', 'data-testid': 'stats-apply' }, tr('hza.stats.apply'));
  const form = h('form', { class: 'hza-period', 'data-testid': 'stats-period' },
    h('div', { class: 'segmented', 'data-testid': 'stats-presets' }, PRESETS.map((p) => h('button', {
      type: 'button', class: active === p ? 'active' : '', 'data-preset': p, onclick: () => go(presetPeriod(p, today)),
    }, tr(`hza.preset.${p}`)))),
    h('label', {}, tr('hza.stats.from'), from), h('label', {}, tr('hza.stats.to'), to),
    h('label', {}, tr('hza.stats.sector'), sectors), apply, error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!isIsoDay(from.value) || !isIsoDay(to.value) || from.value > to.value) {
      error.hidden = false;
      bindText(error, 'hza.stats.badPeriod');
      return;
    }
    go({ from: from.value, to: to.value });
  });
  sectors.addEventListener('change', () => go(period));
  return form;
}

function rankingTable(ranked: ReturnType<typeof rankRows>, by: RankingKind): HTMLElement {
  return h('table', { class: 'data-table compact', 'data-testid': 'ranking-table', 'data-by': by },
    h('thead', {}, h('tr', {}, h('th', { class: 'num' }, tr('hza.rank.rank')),
      h('th', {}, tr(by === 'street' ? 'hza.rank.street' : 'hza.rank.department')),
      figureHeads())),
    h('tbody', {}, ranked.length ? ranked.map((r) => h('tr', { 'data-org-id': String(r.org_id) },
      h('td', { class: 'num', 'data-col': 'rank' }, h('span', { class: `hza-rank hza-rank-${r.rank}` }, String(r.rank))),
      h('td', { 'data-col': 'name' }, r.name), figureCells(r.figures)))
      : h('tr', {}, h('td', { colspan: 8, class: 'muted' }, tr('common.empty')))));
}

export const renderStatsPage: PageRenderer = (outlet, route) => {
  const today = beijingToday();
  const period = periodFromQuery(route.query, today);
  const sector = route.query.get('sector') ?? '';
  const by: RankingKind = route.query.get('by') === 'department' ? 'department' : 'street';
  const sectors = h('select', { name: 'sector', 'data-testid': 'stats-sector' },
    h('option', { value: '' }, tr('hza.stats.allSectors')));
  if (sector) sectors.append(h('option', { value: sector }, sector));

  const figures = h('div', {}, tr('app.loading', undefined, 'p'));
  const gradeHost = h('div', { class: 'hza-chart', 'data-testid': 'stats-grade-chart' });
  const sourceHost = h('div', { class: 'hza-chart hza-chart-tall', 'data-testid': 'stats-source-chart' });
  const gradeTable = h('div');
  const sourceTable = h('div');
  const rankingBody = h('div', {}, tr('app.loading', undefined, 'p'));
  const rankingHost = h('div', { class: 'hza-chart', 'data-testid': 'ranking-chart' });

  const rankingTabs = h('div', { class: 'segmented', 'data-testid': 'ranking-by' }, RANKING_KINDS.map((k) => h('a', {
    class: `button${k === by ? ' active' : ''}`, 'data-by': k,
    href: buildHash('hazards/stats', { from: period.from, to: period.to, sector, by: k }),
  }, tr(`hza.rank.by.${k}`))));

  outlet.append(h('section', { class: 'page hza-stats-page', 'data-testid': 'stats-page' },
    tr('hza.stats.title', undefined, 'h1'), tr('hza.stats.intro', undefined, 'p'),
    h('section', { class: 'card' }, periodBar(period, sector, by, sectors),
      h('p', { class: 'muted hza-period-text' }, tr('hza.stats.periodText', { from: period.from, to: period.to }))),
    figures,
    h('div', { class: 'hza-chart-grid' },
      h('section', { class: 'card' }, tr('hza.stats.byGrade', undefined, 'h2'), gradeHost, gradeTable),
      h('section', { class: 'card' }, tr('hza.stats.bySource', undefined, 'h2'), sourceHost, sourceTable)),
    h('section', { class: 'card hza-ranking', 'data-testid': 'ranking' },
      h('div', { class: 'list-head' }, tr('hza.rank.title', undefined, 'h2'), rankingTabs),
      tr('hza.rank.intro', undefined, 'p'),
      h('div', { class: 'hza-ranking-body' }, rankingBody, rankingHost))));

  let left = false;
  const unmounts: Unmount[] = [];
  const charts = import('./stats-charts');
  const mount = (make: (m: typeof import('./stats-charts')) => Unmount): void => {
    void charts.then((m) => { if (!left) unmounts.push(make(m)); });
  };

  void api<Sector[]>('GET', '/api/v1/sectors').then((list) => {
    if (left) return;
    sectors.replaceChildren(h('option', { value: '' }, tr('hza.stats.allSectors')), ...list.map((s) => {
      const option = h('option', { value: s.code });
      bindBilingual(option, s.name_zh, s.name_en);
      return option;
    }));
    sectors.value = sector;
  }).catch(() => undefined);

  void (async () => {
    try {
      const stats = await api<HazardStats>('GET', statsUrl(period, sector || undefined));
      if (left) return;
      const grades = gradeRows(stats);
      const sources = sourceRows(stats);
      figures.replaceChildren(headline(figuresOf(stats.total)));
      gradeTable.replaceChildren(breakdownTable('stats-by-grade', 'hza.col.grade', grades, gradeLabel));
      sourceTable.replaceChildren(breakdownTable('stats-by-source', 'hza.col.source', sources, sourceLabel));
      mount((m) => m.mountGradeChart(gradeHost, grades));
      mount((m) => m.mountSourceChart(sourceHost, sources));
    } catch (err) {
      figures.replaceChildren(h('p', { class: 'message message-error', 'data-testid': 'stats-error' }, errorText(err)));
    }
  })();

  void (async () => {
    try {
      const answer = await api<{ items: RankingItem[] }>('GET', rankingUrl(by, period));
      if (left) return;
      const ranked = rankRows(answer.items ?? []);
      rankingBody.replaceChildren(rankingTable(ranked, by));
      if (ranked.length) mount((m) => m.mountRankingChart(rankingHost, ranked));
    } catch (err) {
      rankingBody.replaceChildren(h('p', { class: 'message message-error' }, errorText(err)));
    }
  })();

  return () => {
    left = true;
    unmounts.forEach((u) => u());
  };
};
