// Route patterns of the monitoring pages that pageFor's generic rule does not produce, kept pure so
// the unit tests can check them without loading the pages.

/** 'sensors/:id' for #/sensors/12 (numeric ids only). */
export function sensorPattern(segments: readonly string[]): string | null {
  const [first, second, third] = segments;
  if (first === 'sensors' && second !== undefined && third === undefined && /^\d+$/.test(second)) return 'sensors/:id';
  return null;
}
