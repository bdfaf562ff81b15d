// Calls of the hazard API (docs/hazards.md § API), including raw-body photo and video uploads.
import { api, ApiError, withQuery } from '../../api/client';
import type { Problem } from '../../api/types';
import { uploadRaw } from '../../api/upload';
import { filterQuery, uploadContentType, type HazardFilters } from './hazard-model';
import type {
  ActionRequest, Extension, Hazard, HazardCounts, HazardMedia, HazardPage, MediaStage, NewHazard, TimelineEntry,
  TipReceipt, TipStatus,
} from './hazard-types';

const BASE = '/api/v1';
const hazardPath = (id: number | string): string => `${BASE}/hazards/${encodeURIComponent(String(id))}`;

/** A page of hazards, newest first: `cursor` is the previous page's next_cursor (docs/http-api.md § Paging). */
export function listHazards(filters: HazardFilters, cursor: string | null, limit: number,
  extra: Record<string, string | undefined> = {}): Promise<HazardPage> {
  return api<HazardPage>('GET', withQuery(`${BASE}/hazards`, { ...filterQuery(filters), ...extra, cursor, limit }));
}

/** The list page's paged-list adapter. */
export function hazardPage(filters: HazardFilters, cursor: string | null, limit = 50): Promise<HazardPage> {
  return listHazards(filters, cursor, limit);
}

export function hazardCounts(filters: HazardFilters, options: { withoutState?: boolean } = {}): Promise<HazardCounts> {
  return api<HazardCounts>('GET', withQuery(`${BASE}/hazards/counts`, filterQuery(filters, options)));
}

export function getHazard(id: number | string): Promise<Hazard> {
  return api<Hazard>('GET', hazardPath(id));
}

export function createHazard(draft: NewHazard): Promise<Hazard> {
  return api<Hazard>('POST', `${BASE}/hazards`, draft);
}

export function actOn(id: number | string, request: ActionRequest): Promise<Hazard> {
  return api<Hazard>('POST', `${hazardPath(id)}/actions`, request);
}

export async function hazardTimeline(id: number | string): Promise<TimelineEntry[]> {
  return (await api<{ items: TimelineEntry[] }>('GET', `${hazardPath(id)}/timeline`)).items ?? [];
}

export async function hazardMedia(id: number | string): Promise<HazardMedia[]> {
  return (await api<{ items: HazardMedia[] }>('GET', `${hazardPath(id)}/media`)).items ?? [];
}

export async function hazardExtensions(id: number | string): Promise<Extension[]> {
  return (await api<{ items: Extension[] }>('GET', `${hazardPath(id)}/extensions`)).items ?? [];
}

export function requestExtension(id: number | string, reason: string, deadline: string): Promise<Extension> {
  return api<Extension>('POST', `${hazardPath(id)}/extensions`, { reason, deadline });
}

export function decideExtension(extensionId: number | string, grant: boolean, note: string): Promise<Extension> {
  return api<Extension>('POST', `${BASE}/hazard-extensions/${encodeURIComponent(String(extensionId))}/decision`,
    { grant, note });
}

export function mediaUrl(m: HazardMedia): string {
  return m.url || `${BASE}/hazard-media/${m.id}`;
}

export function thumbnailUrl(m: Pick<HazardMedia, 'id' | 'thumbnail_url'>): string {
  return m.thumbnail_url || `${BASE}/hazard-media/${m.id}/thumbnail`;
}

/** POSTs one file as the raw body; a problem+json answer becomes an ApiError naming `field`. */
async function uploadFile<T>(url: string, file: File, field: string,
  onProgress?: (loaded: number, total: number | null) => void): Promise<T> {
  const { status, body } = await uploadRaw(url, file, { contentType: uploadContentType(file), onProgress });
  if (status >= 200 && status < 300) return body as T;
  const problem = (body && typeof body === 'object' ? body : {}) as Problem;
  // Upload problems name the body or its type; the form shows them beside its file input.
  throw new ApiError(status, { ...problem, field });
}

export function uploadHazardMedia(id: number | string, file: File, stage: MediaStage, field = 'media_ids',
  onProgress?: (loaded: number, total: number | null) => void): Promise<HazardMedia> {
  return uploadFile<HazardMedia>(withQuery(`${hazardPath(id)}/media`, { stage, name: file.name }), file, field, onProgress);
}

/** Uploads the files one after another, reporting which one is on its way. */
export async function uploadAll(id: number | string, files: File[], stage: MediaStage, field: string,
  onFile?: (n: number, total: number) => void): Promise<HazardMedia[]> {
  const out: HazardMedia[] = [];
  for (const [i, file] of files.entries()) {
    onFile?.(i + 1, files.length);
    out.push(await uploadHazardMedia(id, file, stage, field));
  }
  return out;
}

// ---- public, no sign-in ----

export function submitTip(tip: { description: string; location: { lon: number; lat: number }; address?: string;
  contact?: string; website?: string }): Promise<TipReceipt> {
  return api<TipReceipt>('POST', `${BASE}/public/tips`, tip);
}

export function trackTip(code: string): Promise<TipStatus> {
  return api<TipStatus>('GET', `${BASE}/public/tips/${encodeURIComponent(code)}`);
}

export function uploadTipPhoto(code: string, file: File): Promise<HazardMedia> {
  return uploadFile<HazardMedia>(withQuery(`${BASE}/public/tips/${encodeURIComponent(code)}/media`, { name: file.name }),
    file, 'photos');
}
