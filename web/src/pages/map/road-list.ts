// The side list of named roads with a filter box; picking one zooms the map to it.
import { h, enumLabel, tr } from '../../dom';
import { bindText } from '../../i18n';
import { roadClassKey } from './basemap-style';
import type { RoadEntry } from './road-summary';

const SHOWN_AT_ONCE = 200;

export function createRoadList(entries: RoadEntry[], onPick: (entry: RoadEntry) => void): HTMLElement {
  const filter = h('input', { type: 'search', class: 'road-filter', 'data-testid': 'road-filter' });
  bindText(filter, 'map.filterRoads', undefined, 'placeholder');
  const list = h('ul', { class: 'road-list', 'data-testid': 'road-list' });
  const none = tr('map.noRoads', undefined, 'p');

  const render = (): void => {
    const needle = filter.value.trim().toLowerCase();
    const matches = entries.filter((entry) => entry.name.toLowerCase().includes(needle));
    list.replaceChildren(...matches.slice(0, SHOWN_AT_ONCE).map((entry) => h('li', {},
      h('button', { type: 'button', onclick: () => onPick(entry) },
        h('span', { class: `road-swatch road-${roadClassKey(entry.roadClass)}` }),
        h('span', { class: 'road-name' }, entry.name),
        h('small', {}, enumLabel('map.roadClass', roadClassKey(entry.roadClass)))))));
    none.hidden = matches.length > 0;
  };
  filter.addEventListener('input', render);
  render();

  return h('section', { class: 'side-section' },
    h('h2', {}, tr('map.roads'), ' ', h('small', {}, String(entries.length))),
    filter, none, list);
}
