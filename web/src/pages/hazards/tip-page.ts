// #/tip — the public tip form (群众举报), no sign-in: what was seen (10–1000 characters), where
// (a click on the map or the browser's location), an address and a contact, and a hidden
// honeypot `website` that people never fill. The answer's tracking code is shown once, large,
// and up to 3 photos may then be added (POST /api/v1/public/tips/{code}/media).
import { ApiError } from '../../api/client';
import type { LonLat } from '../../api/types';
import { fieldError, hideMessage, messageLine, onSubmit, showFormError, showMessage, submitting } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { bindText, t } from '../../i18n';
import { loadBasemap, type Basemap } from '../map/basemap-map';
import type { PageRenderer } from '../page';
import { submitTip, uploadTipPhoto } from './hazard-api';
import { createPickerMap, type PickerMap } from './hazard-map';
import { fileField } from './hazard-media';
import { charCount, TIP_MAX_CHARS, TIP_MAX_PHOTOS, TIP_MIN_CHARS } from './hazard-model';
import type { TipReceipt } from './hazard-types';
import { publicFrame } from './public-frame';

function receiptView(receipt: TipReceipt): HTMLElement {
  let uploaded = 0;
  const photos = fileField('photos', 'tip.photos', 'photos', { photosOnly: true, testId: 'tip-photos' });
  bindText(photos.element.querySelector('label > span')!, 'tip.photos', { max: TIP_MAX_PHOTOS });
  const line = messageLine('tip-photo-message');
  const upload = h('button', { type: 'submit', class: 'primary hz-big', 'data-testid': 'tip-upload' }, tr('tip.upload'));
  const form = h('form', { class: 'form hz-form', 'data-testid': 'tip-photo-form', novalidate: true },
    photos.element, line, h('div', { class: 'button-row' }, upload));
  onSubmit(form, line, async () => {
    const chosen = photos.files().slice(0, TIP_MAX_PHOTOS - uploaded);
    if (!chosen.length) return;
    upload.disabled = true;
    try {
      for (const file of chosen) {
        await uploadTipPhoto(receipt.tracking_code, file);
        uploaded += 1;
      }
      photos.clear();
      showMessage(line, t('tip.uploaded', { count: uploaded }), 'ok');
      line.dataset.count = String(uploaded);
    } catch (err) {
      showFormError(form, line, err);
    } finally {
      upload.disabled = uploaded >= TIP_MAX_PHOTOS;
      photos.input.disabled = uploaded >= TIP_MAX_PHOTOS;
      if (uploaded >= TIP_MAX_PHOTOS) {
        line.append(' ', tr('tip.photoLimit', { max: TIP_MAX_PHOTOS }));
      }
    }
  });
  return h('section', { class: 'card tip-receipt', 'data-testid': 'tip-receipt' },
    tr('tip.received', undefined, 'h2'),
    h('p', { class: 'tip-code-label' }, tr('tip.codeLabel')),
    h('p', { class: 'tip-code', 'data-testid': 'tip-code' }, receipt.tracking_code),
    tr('tip.codeHint', undefined, 'p'),
    h('p', { 'data-testid': 'tip-hazard-code', 'data-code': receipt.hazard_code }, tr('tip.hazardCode', { code: receipt.hazard_code })),
    form,
    h('div', { class: 'button-row' },
      h('a', { class: 'button', href: '#/tip/track', 'data-testid': 'tip-track-link' }, tr('tip.track')),
      h('a', { class: 'button', href: '#/tip', 'data-testid': 'tip-again',
        onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, tr('tip.another'))));
}

export const renderTipPage: PageRenderer = (outlet) => {
  let picker: PickerMap | null = null;
  let left = false;
  let location: LonLat | null = null;

  const description = h('textarea', { name: 'description', rows: 5, maxlength: TIP_MAX_CHARS * 2, required: true,
    'data-testid': 'tip-description' });
  const counter = h('small', { class: 'muted', 'data-testid': 'tip-chars' });
  const updateCounter = (): void => bindText(counter, 'tip.chars', { count: charCount(description.value) });
  description.addEventListener('input', updateCounter);
  updateCounter();
  const mapHost = h('div', { class: 'hz-pick-map', 'data-testid': 'tip-map' });
  const mapNote = h('p', { class: 'muted', hidden: true, 'data-testid': 'tip-map-note' }, tr('tip.noBasemap'));
  const locationText = h('span', { class: 'muted', 'data-testid': 'tip-location' }, tr('tip.mapHint'));
  const locate = h('button', { type: 'button', class: 'hz-big', 'data-testid': 'tip-geolocate' }, tr('tip.useGeolocation'));
  const address = h('input', { name: 'address', maxlength: 300, autocomplete: 'street-address', 'data-testid': 'tip-address' });
  const contact = h('input', { name: 'contact', maxlength: 100, autocomplete: 'tel', 'data-testid': 'tip-contact' });
  // The honeypot: off-screen and out of the tab order; a bot that fills every input gives itself away.
  const website = h('input', { name: 'website', type: 'text', tabindex: -1, autocomplete: 'off', 'data-testid': 'tip-website' });
  const general = messageLine('tip-message');
  const submit = h('button', { type: 'submit', class: 'primary hz-big', 'data-testid': 'tip-submit' }, tr('tip.submit'));
  const locationSlot = fieldError('location');

  const setLocation = (at: LonLat): void => {
    location = at;
    locationText.replaceChildren(`${at.lon.toFixed(6)}, ${at.lat.toFixed(6)}`);
    locationText.dataset.lon = String(at.lon);
    locationText.dataset.lat = String(at.lat);
    hideMessage(locationSlot);
  };

  const form = h('form', { class: 'form hz-form', 'data-testid': 'tip-form', novalidate: true },
    h('div', { class: 'form-field', 'data-field': 'description' },
      h('label', {}, tr('tip.description'), description),
      h('div', { class: 'tip-desc-foot' }, tr('tip.descriptionHint', undefined, 'small'), counter),
      fieldError('description')),
    h('div', { class: 'form-field', 'data-field': 'location' },
      h('label', {}, tr('tip.location')), mapHost, mapNote,
      h('div', { class: 'tip-location-row' }, locationText, locate), locationSlot),
    formField('tip.address', address, 'address', { optional: true }),
    formField('tip.contact', contact, 'contact', { optional: true }),
    tr('tip.contactHint', undefined, 'small'),
    h('div', { class: 'hz-hp', 'aria-hidden': 'true' }, h('label', {}, tr('tip.website'), website)),
    general, h('div', { class: 'button-row' }, submit));

  const host = h('div', { 'data-testid': 'tip-page' },
    h('section', { class: 'card' }, tr('tip.title', undefined, 'h1'), tr('tip.intro', undefined, 'p'), form));
  publicFrame(outlet, 'tip', host);

  locate.addEventListener('click', () => {
    hideMessage(locationSlot);
    if (!('geolocation' in navigator)) {
      showMessage(locationSlot, t('tip.geolocationUnsupported'), 'error');
      locationSlot.className = 'field-error';
      return;
    }
    locate.disabled = true;
    bindText(locate, 'tip.locating');
    navigator.geolocation.getCurrentPosition((pos) => {
      locate.disabled = false;
      bindText(locate, 'tip.useGeolocation');
      const at = { lon: Number(pos.coords.longitude.toFixed(6)), lat: Number(pos.coords.latitude.toFixed(6)) };
      setLocation(at);
      picker?.setLocation(at, true);
    }, (err) => {
      locate.disabled = false;
      bindText(locate, 'tip.useGeolocation');
      showMessage(locationSlot, t('tip.geolocationFailed', { detail: err.message }), 'error');
      locationSlot.className = 'field-error';
    }, { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 });
  });

  onSubmit(form, general, async () => {
    const text = description.value.trim();
    if (charCount(text) < TIP_MIN_CHARS) {
      showFormError(form, general, new ApiError(400, { detail: t('tip.tooShort'), field: 'description' }));
      return;
    }
    if (!location) {
      showFormError(form, general, new ApiError(400, { detail: t('tip.needLocation'), field: 'location' }));
      return;
    }
    const chosenLocation = location;
    await submitting([submit], form, general, async () => {
      const receipt = await submitTip({ description: text, location: chosenLocation, address: address.value.trim() || undefined,
        contact: contact.value.trim() || undefined, website: website.value });
      picker?.destroy();
      picker = null;
      host.replaceChildren(receiptView(receipt));
      window.scrollTo({ top: 0 });
    });
  });

  void (async () => {
    // The basemap is public; if it cannot be read the picker shows a plain background.
    const basemap = await loadBasemap().catch((): Basemap | null => null);
    if (left) return;
    mapNote.hidden = basemap !== null;
    picker = createPickerMap(mapHost, basemap, setLocation);
  })();

  return () => {
    left = true;
    picker?.destroy();
  };
};
