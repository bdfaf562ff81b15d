// The four-colour legend with counts; clicking an entry filters the map to that colour.
import { COLOURS, type Colour, type ColourCounts } from '../../api/risk-types';
import { h, tr } from '../../dom';
import { swatch } from './risk-labels';

export interface Legend {
  element: HTMLElement;
  /** Counts by colour in view; `unassessed` are drawn grey and counted apart. */
  update(counts: ColourCounts, active: string, unassessed?: number): void;
}

export function createLegend(onPick: (colour: Colour) => void): Legend {
  const numbers = new Map<Colour, HTMLElement>();
  const buttons = new Map<Colour, HTMLButtonElement>();
  const total = h('strong', { 'data-testid': 'legend-total' }, '0');
  const none = h('span', { 'data-testid': 'legend-count-none' }, '0');
  const noneLine = h('p', { class: 'legend-none', hidden: true }, swatch(null), tr('risk.level.none'), ' ', none);
  const items = COLOURS.map((colour) => {
    const count = h('span', { class: 'legend-count', 'data-testid': `legend-count-${colour}` }, '0');
    numbers.set(colour, count);
    const button = h('button', { type: 'button', class: 'legend-item', 'data-colour': colour },
      swatch(colour), tr(`risk.level.${colour}`), count);
    button.addEventListener('click', () => onPick(colour));
    buttons.set(colour, button);
    return h('li', {}, button);
  });
  const element = h('section', { class: 'side-section legend', 'data-testid': 'risk-legend' },
    h('h2', {}, tr('riskMap.legend'), ' ', h('small', {}, tr('riskMap.inView'))),
    h('ul', {}, items),
    h('p', { class: 'legend-total' }, tr('risk.total'), ' ', total), noneLine,
    tr('riskMap.lineHint', undefined, 'small'));
  return {
    element,
    update(counts, active, unassessed = 0) {
      let sum = 0;
      for (const colour of COLOURS) {
        numbers.get(colour)!.textContent = String(counts[colour]);
        buttons.get(colour)!.classList.toggle('active', active === colour);
        buttons.get(colour)!.classList.toggle('dimmed', active !== '' && active !== colour);
        sum += counts[colour];
      }
      total.textContent = String(sum);
      none.textContent = String(unassessed);
      noneLine.hidden = unassessed === 0;
    },
  };
}
