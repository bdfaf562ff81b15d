// Turning API failures into messages, and showing problem+json `field` errors beside form fields.
import { ApiError, NETWORK_ERROR_STATUS } from '../api/client';
import { h } from '../dom';
import { t } from '../i18n';

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === NETWORK_ERROR_STATUS) return t('error.network');
    if (err.detail) return err.detail;
    if (err.status === 401) return t('error.unauthenticated');
    return t('error.http', { status: err.status });
  }
  return t('error.generic', { detail: String(err) });
}

/** A message line (error or success) that a form or page can fill and clear. */
export function messageLine(testId: string): HTMLElement {
  return h('p', { class: 'message', role: 'status', 'data-testid': testId, hidden: true });
}

export function showMessage(line: HTMLElement, text: string, kind: 'error' | 'ok'): void {
  line.textContent = text;
  line.className = `message message-${kind}`;
  line.hidden = false;
}

export function hideMessage(line: HTMLElement): void {
  line.hidden = true;
  line.textContent = '';
}

/** The error slot after a field is `[data-error-for="<field>"]`, inside the form. */
export function fieldError(field: string): HTMLElement {
  return h('span', { class: 'field-error', 'data-error-for': field, hidden: true });
}

export function clearFieldErrors(form: HTMLElement): void {
  form.querySelectorAll<HTMLElement>('[data-error-for]').forEach(hideMessage);
}

/**
 * Shows an API error beside the named field when the form has a visible slot for it, or for the
 * nearest prefix of its path (`location.lon` → `location`), else in the form's general line.
 */
export function showFormError(form: HTMLElement, general: HTMLElement, err: unknown): void {
  clearFieldErrors(form);
  const field = err instanceof ApiError ? err.field : undefined;
  const slot = field ? findSlot(form, field) : null;
  if (slot) {
    showMessage(slot, errorText(err), 'error');
    slot.className = 'field-error';
    hideMessage(general);
  } else {
    showMessage(general, errorText(err), 'error');
  }
}

/**
 * Where to show an error for a problem+json `field`: the path itself, then each shorter prefix
 * (`inputs.substances[1].quantity_t` → `inputs.substances[1]` → `inputs.substances` → `inputs`).
 */
export function fieldPathCandidates(field: string): string[] {
  const out: string[] = [];
  let path = field;
  while (path) {
    out.push(path);
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    path = cut > 0 ? path.slice(0, cut) : '';
  }
  return out;
}

function findSlot(form: HTMLElement, field: string): HTMLElement | null {
  for (const name of fieldPathCandidates(field)) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);
    // A slot inside a hidden part of the form would hide the message: use the general line then.
    if (slot && !slot.parentElement?.closest('[hidden]')) return slot;
  }
  return null;
}

/**
 * Runs a form's `work` with its `buttons` disabled, enabling them again however it ends; a failure
 * is shown beside the field the server named, or in `general`.
 */
export async function submitting(buttons: HTMLButtonElement[], form: HTMLElement, general: HTMLElement,
  work: () => Promise<void>): Promise<void> {
  buttons.forEach((b) => { b.disabled = true; });
  try {
    await work();
  } catch (err) {
    showFormError(form, general, err);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** Handles a form's submit: no page reload, the last attempt's errors cleared, then `handle`. */
export function onSubmit(form: HTMLFormElement, general: HTMLElement, handle: () => Promise<void>): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    hideMessage(general);
    void handle();
  });
}
