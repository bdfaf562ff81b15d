// The pages anyone may open without signing in; main.ts renders them without the app shell.
import type { Route } from '../../router';
import type { PageRenderer } from '../page';
import { publicPattern } from './hazard-routes';
import { renderTipPage } from './tip-page';
import { renderTipTrackPage } from './tip-track-page';

const PUBLIC_PAGES: Record<string, PageRenderer> = {
  tip: renderTipPage,
  'tip/track': renderTipTrackPage,
};

/** The public page for a route, or null when the route needs a session. */
export function publicPageFor(route: Route): PageRenderer | null {
  const pattern = publicPattern(route.segments);
  return pattern ? PUBLIC_PAGES[pattern] ?? null : null;
}
