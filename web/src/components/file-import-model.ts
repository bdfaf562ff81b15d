// Pure helpers of the file import (导入) the risk-point and hazard-ledger pages share: the encodings,
// the format from a file name, reading the answer (200 result or 400 problem+json) and CSV text for
// the example and template files made in the browser.

export const IMPORT_ENCODINGS = ['utf-8', 'gbk'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** The format for a file name's extension (matched without regard to case), else null (keep the current choice). */
export function formatFromExtension<F extends string>(name: string, byExtension: Readonly<Record<string, F>>): F | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  return ext !== undefined && Object.hasOwn(byExtension, ext) ? byExtension[ext] : null;
}

export interface ImportProblem {
  line: number | null;
  field: string;
  reason: string;
}

export interface ImportOutcome {
  status: number;
  /** Some rows went in. */
  committed: boolean;
  imported: number;
  failed: number;
  problems: ImportProblem[];
  /** problem+json detail (or title) when the import was refused. */
  detail: string;
  /** problem+json field of a whole-file error (e.g. malformed JSON). */
  field: string;
  /** rows: refused because rows failed (see problems); file: the file as a whole was refused. */
  kind: 'done' | 'rows' | 'file';
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export function readOutcome(status: number, body: unknown): ImportOutcome {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const ok = status >= 200 && status < 300;
  const problems: ImportProblem[] = Array.isArray(b.problems) ? b.problems.map((p: unknown) => {
    const q = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>;
    return { line: num(q.line), field: str(q.field), reason: str(q.reason ?? q.detail ?? q.message) };
  }) : [];
  const committed = typeof b.committed === 'boolean' ? b.committed : ok;
  return {
    status, committed, problems,
    imported: num(b.imported) ?? 0,
    failed: num(b.failed) ?? problems.length,
    detail: str(b.detail) || str(b.title),
    field: str(b.field),
    kind: ok ? 'done' : Array.isArray(b.problems) ? 'rows' : 'file',
  };
}

/** One CSV cell, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends, the last line ended too. */
export function csvText(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
