// Field-by-field difference between an audit record's `before` and `after` snapshots.

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

type Snapshot = Record<string, unknown> | null | undefined;

function show(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Fields whose values differ (added, removed or changed), in alphabetical order. */
export function diffSnapshots(before: Snapshot, after: Snapshot): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of [...fields].sort()) {
    const old = show(before?.[field]);
    const now = show(after?.[field]);
    if (old !== now) changes.push({ field, before: old, after: now });
  }
  return changes;
}
