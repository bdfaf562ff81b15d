// Route patterns of the hazard pages that pageFor's generic rule does not produce, kept pure so the
// unit tests can check them without loading the pages.

/** 'hazards/:id' for #/hazards/12 (numeric ids only, so #/hazards/board and #/hazards/new stay). */
export function hazardPattern(segments: readonly string[]): string | null {
  const [first, second, third] = segments;
  if (first === 'hazards' && second !== undefined && third === undefined && /^\d+$/.test(second)) return 'hazards/:id';
  return null;
}

export const PUBLIC_PATTERNS = ['tip', 'tip/track'] as const;

/** 'tip' or 'tip/track' when the route is one of the pages open without a session, else null. */
export function publicPattern(segments: readonly string[]): string | null {
  const path = segments.join('/');
  return (PUBLIC_PATTERNS as readonly string[]).includes(path) ? path : null;
}
