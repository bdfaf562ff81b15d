import type { Route } from '../router';

/** Renders a page into the outlet; may return a cleanup run when the page is left. */
export type PageRenderer = (outlet: HTMLElement, route: Route) => (() => void) | void;
