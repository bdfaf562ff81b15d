// The pending extension requests (延期申请) the user may decide: each with its reason and dates, a
// note, and grant / refuse (a refusal needs the note). Decided rows leave the list.
import { api } from '../../api/client';
import { clearFieldErrors, errorText, fieldError, hideMessage, messageLine, showMessage, submitting } from '../../components/errors';
import { formatTime, h, tableHead, tr } from '../../dom';
import { bindText, t } from '../../i18n';
import { decideExtension } from '../hazards/hazard-api';
import type { Extension } from '../hazards/hazard-types';
import { formatDate } from './labels';

function decisionForm(ext: Extension, onDecided: (granted: boolean) => void): HTMLElement {
  const note = h('textarea', { name: 'note', rows: 2, class: 'hza-note', 'data-testid': 'extension-note' });
  bindText(note, 'hza.ext.notePlaceholder', undefined, 'placeholder');
  const general = messageLine('extension-error');
  const noteError = fieldError('note');
  const grant = h('button', { type: 'button', class: 'primary', 'data-testid': 'extension-grant' }, tr('hza.ext.grant'));
  const refuse = h('button', { type: 'button', 'data-testid': 'extension-refuse' }, tr('hza.ext.refuse'));
  const form = h('div', { class: 'hza-decision' }, note, noteError, h('div', { class: 'button-row' }, grant, refuse), general);

  const decide = async (granted: boolean): Promise<void> => {
    clearFieldErrors(form);
    hideMessage(general);
    const text = note.value.trim();
    if (!granted && !text) {
      showMessage(noteError, t('hza.ext.noteRequired'), 'error');
      noteError.className = 'field-error';
      note.focus();
      return;
    }
    await submitting([grant, refuse], form, general, async () => {
      await decideExtension(ext.id, granted, text);
      onDecided(granted);
    });
  };
  grant.addEventListener('click', () => void decide(true));
  refuse.addEventListener('click', () => void decide(false));
  return form;
}

export function createExtensionsPanel(): { element: HTMLElement; load(): Promise<void> } {
  const count = h('span', { class: 'muted' });
  const body = h('tbody');
  const empty = tr('hza.ext.empty', undefined, 'p');
  empty.className = 'muted';
  const status = messageLine('extensions-status');
  const table = h('table', { class: 'data-table compact', 'data-testid': 'extensions-table' },
    tableHead(['hza.col.code', 'hza.ext.requestedBy', 'hza.ext.deadlines', 'hza.ext.reason', 'hza.ext.decision']),
    body);
  const element = h('section', { class: 'card hza-extensions', 'data-testid': 'extensions-panel' },
    h('h2', {}, tr('hza.ext.title'), ' ', count), tr('hza.ext.intro', undefined, 'p'), status, empty, table);

  const refreshCount = (): void => {
    count.textContent = `(${body.children.length})`;
    empty.hidden = body.children.length > 0;
    table.hidden = body.children.length === 0;
  };

  const row = (ext: Extension): HTMLElement => {
    const tr_ = h('tr', { 'data-extension-id': String(ext.id) });
    const onDecided = (granted: boolean): void => {
      tr_.remove();
      refreshCount();
      showMessage(status, t(granted ? 'hza.ext.granted' : 'hza.ext.refused', { code: ext.hazard_code || `#${ext.hazard_id}` }), 'ok');
    };
    const requested = ext.requested_deadline ?? ext.deadline;
    tr_.append(
      h('td', {}, h('a', { href: `#/hazards/${ext.hazard_id}` }, ext.hazard_code || `#${ext.hazard_id}`),
        ext.hazard_title ? h('div', { class: 'muted' }, ext.hazard_title) : null),
      h('td', {}, ext.requested_by || ext.requested_by_name || '—', h('div', { class: 'muted nowrap' }, formatTime(ext.requested_at))),
      h('td', { class: 'nowrap' }, formatDate(ext.previous_deadline), ' → ', h('strong', {}, formatDate(requested))),
      h('td', {}, ext.reason || '—'),
      h('td', {}, decisionForm(ext, onDecided)));
    return tr_;
  };

  return {
    element,
    async load() {
      hideMessage(status);
      try {
        const answer = await api<{ items: Extension[] }>('GET', '/api/v1/hazard-extensions');
        const pending = (answer.items ?? []).filter((e) => !e.state || e.state === 'pending');
        body.replaceChildren(...pending.map(row));
      } catch (err) {
        body.replaceChildren();
        showMessage(status, errorText(err), 'error');
      }
      refreshCount();
    },
  };
}
