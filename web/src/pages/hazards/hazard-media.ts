// Photos and videos: the gallery (thumbnail, click opens the original), timeline thumbnails by
// media id, and the phone-friendly file input (camera capture, previews of what was chosen).
import { fieldError } from '../../components/errors';
import { formatTime, h, tr } from '../../dom';
import type { MessageKey } from '../../i18n';
import { keyedText } from './hazard-labels';
import { mediaUrl, thumbnailUrl } from './hazard-api';
import { isVideo } from './hazard-model';
import type { HazardMedia } from './hazard-types';

export function mediaTile(m: HazardMedia, options: { caption?: boolean } = {}): HTMLElement {
  const video = isVideo(m.content_type);
  const inner = video
    ? h('span', { class: 'hz-video-tile' }, '▶', h('small', {}, tr('hazardDetail.video')))
    : h('img', { src: thumbnailUrl(m), alt: m.file_name ?? `#${m.id}`, loading: 'lazy' });
  return h('figure', { class: 'hz-media', 'data-media-id': String(m.id), 'data-testid': 'hazard-media' },
    h('a', { href: mediaUrl(m), target: '_blank', rel: 'noopener', title: m.file_name ?? '' }, inner),
    options.caption ? h('figcaption', {}, keyedText('hazardDetail.stage', m.stage ?? ''), ' · ',
      formatTime(m.uploaded_at)) : null);
}

export function mediaGallery(items: HazardMedia[]): HTMLElement {
  if (!items.length) return h('p', { class: 'muted' }, tr('hazardDetail.noMedia'));
  return h('div', { class: 'hz-gallery', 'data-testid': 'hazard-gallery' }, items.map((m) => mediaTile(m, { caption: true })));
}

/** Thumbnails of a timeline entry's media; ids not in `known` still get a thumbnail link. */
export function mediaThumbs(ids: number[] | undefined, known: Map<number, HazardMedia>): HTMLElement | null {
  if (!ids?.length) return null;
  return h('div', { class: 'hz-thumbs' }, ids.map((id) => mediaTile(known.get(id) ?? { id, content_type: 'image/jpeg' })));
}

export interface FileField {
  element: HTMLElement;
  input: HTMLInputElement;
  files(): File[];
  clear(): void;
}

/**
 * A labelled file input for photos and videos (or photos only), opening the camera on phones,
 * with small previews; `errorFor` names the problem+json field shown beside it.
 */
export function fileField(name: string, label: MessageKey, errorFor: string,
  options: { photosOnly?: boolean; multiple?: boolean; testId?: string; hint?: MessageKey } = {}): FileField {
  const input = h('input', {
    type: 'file', name, accept: options.photosOnly ? 'image/*' : 'image/*,video/*', capture: 'environment',
    multiple: options.multiple ?? true, 'data-testid': options.testId ?? `${name}-files`,
  });
  const previews = h('div', { class: 'hz-previews' });
  const urls: string[] = [];
  const showPreviews = (): void => {
    urls.splice(0).forEach((u) => URL.revokeObjectURL(u));
    previews.replaceChildren(...[...(input.files ?? [])].map((file) => {
      if (file.type.startsWith('image/')) {
        const url = URL.createObjectURL(file);
        urls.push(url);
        return h('img', { src: url, alt: file.name, title: file.name });
      }
      return h('span', { class: 'hz-preview-name' }, file.name);
    }));
  };
  input.addEventListener('change', showPreviews);
  const element = h('div', { class: 'form-field hz-file-field', 'data-field': errorFor },
    h('label', {}, tr(label), input),
    options.hint ? tr(options.hint, undefined, 'small') : null,
    previews, fieldError(errorFor));
  return {
    element,
    input,
    files: () => [...(input.files ?? [])],
    clear() {
      input.value = '';
      showPreviews();
    },
  };
}
