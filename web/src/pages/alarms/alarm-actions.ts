// The actions of one alarm row (确认, 处置中, 关闭, 转隐患, or the hazard opened from it) and the one
// close form of the page (处置结论 and notes), which moves under the row being closed. Buttons carry
// data-testid="alarm-<action>-<code>" and an aria-label naming the alarm.
import { ApiError } from '../../api/client';
import { clearFieldErrors, errorText, hideMessage, messageLine, showFormError, showMessage } from '../../components/errors';
import { formField } from '../../components/form-field';
import { h, tr } from '../../dom';
import { bindText, t, type MessageKey } from '../../i18n';
import { buildHash } from '../../router';
import { enumSelect } from '../hazards/hazard-labels';
import { DISPOSITIONS, type Alarm, type AlarmAction } from '../monitoring/monitoring-types';
import { alarmActions, isDisposition } from './alarm-model';

export interface RowHandlers {
  act(alarm: Alarm, action: 'acknowledge' | 'handle'): Promise<void>;
  toHazard(alarm: Alarm): Promise<void>;
  openClose(alarm: Alarm): void;
}

const TEST_ID: Record<AlarmAction, string> = { acknowledge: 'ack', handle: 'handle', close: 'close', hazard: 'hazard' };

/** A 409 says someone else changed the alarm first: say so plainly, with the server's words. */
export function problemText(err: unknown, code: string): string {
  if (err instanceof ApiError && err.status === 409) return t('alarm.conflict', { code, detail: errorText(err) });
  return errorText(err);
}

export function actionsCell(alarm: Alarm, canHandle: boolean, handlers: RowHandlers): HTMLElement {
  const cell = h('td', { class: 'alarm-actions' });
  const hazardLink = alarm.hazard_id !== null && alarm.hazard_id !== undefined
    ? h('a', { href: buildHash(`hazards/${alarm.hazard_id}`), 'data-testid': `alarm-hazard-link-${alarm.code}` },
      tr('alarm.hazardLink', { id: alarm.hazard_id }))
    : null;
  if (!canHandle) {
    cell.append(hazardLink ?? h('span', { class: 'muted' }, '—'));
    return cell;
  }
  const buttons = alarmActions(alarm).map((action) => {
    const button = h('button', { type: 'button', class: action === 'close' ? 'primary' : '',
      'data-testid': `alarm-${TEST_ID[action]}-${alarm.code}`, 'data-action': action }, tr(`alarm.action.${action}` as MessageKey));
    bindText(button, `alarm.actionLabel.${action}` as MessageKey, { code: alarm.code }, 'aria-label');
    button.addEventListener('click', () => {
      if (action === 'close') {
        handlers.openClose(alarm);
        return;
      }
      buttons.forEach((b) => { b.disabled = true; });
      const done = action === 'hazard' ? handlers.toHazard(alarm) : handlers.act(alarm, action);
      void done.finally(() => buttons.forEach((b) => { b.disabled = false; }));
    });
    return button;
  });
  cell.append(h('div', { class: 'alarm-buttons' }, buttons, hazardLink));
  return cell;
}

export interface ClosePanel {
  /** A table row holding the form; the page puts it under the alarm's row. */
  row: HTMLTableRowElement;
  open(alarm: Alarm): void;
  close(): void;
  /** The alarm being closed, or null. */
  alarm(): Alarm | null;
  /** Takes a fresher copy of the alarm (after a live change), keeping what was typed. */
  refresh(alarm: Alarm): void;
}

export function createClosePanel(columns: number,
  onSubmit: (alarm: Alarm, disposition: string, notes: string) => Promise<void>): ClosePanel {
  let current: Alarm | null = null;
  const disposition = enumSelect('disposition', DISPOSITIONS, 'mon.disposition', { first: 'pick', testId: 'alarm-disposition' });
  const notes = h('textarea', { name: 'notes', rows: 2, maxlength: 2000, 'data-testid': 'alarm-notes' });
  const general = messageLine('alarm-close-message');
  const title = h('h3');
  const confirm = h('button', { type: 'submit', class: 'primary', 'data-testid': 'alarm-close-confirm' }, tr('alarm.closeConfirm'));
  const cancel = h('button', { type: 'button', 'data-testid': 'alarm-close-cancel' }, tr('alarm.closeCancel'));
  const form = h('form', { class: 'form alarm-close-form', 'data-testid': 'alarm-close-form', novalidate: true },
    title, h('div', { class: 'form-row' }, formField('alarm.disposition', disposition, 'disposition'),
      formField('alarm.notes', notes, 'notes', { optional: true })),
    general, h('div', { class: 'button-row' }, confirm, cancel));
  const row = h('tr', { class: 'alarm-close-row', hidden: true }, h('td', { colspan: columns }, form));

  const close = (): void => {
    current = null;
    row.hidden = true;
    row.remove();
  };
  cancel.addEventListener('click', close);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!current) return;
    clearFieldErrors(form);
    hideMessage(general);
    delete general.dataset.status;
    if (!isDisposition(disposition.value)) {
      const slot = form.querySelector<HTMLElement>('[data-error-for="disposition"]')!;
      showMessage(slot, t('alarm.dispositionRequired'), 'error');
      slot.className = 'field-error';
      return;
    }
    confirm.disabled = true;
    const alarm = current;
    try {
      await onSubmit(alarm, disposition.value, notes.value);
      close();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        showMessage(general, problemText(err, alarm.code), 'error');
        general.dataset.status = '409';
      } else {
        showFormError(form, general, err);
      }
    } finally {
      confirm.disabled = false;
    }
  });

  return {
    row,
    open(alarm) {
      if (current?.id !== alarm.id) {
        disposition.value = '';
        notes.value = '';
        clearFieldErrors(form);
        hideMessage(general);
      }
      current = alarm;
      form.dataset.code = alarm.code;
      bindText(title, 'alarm.closeTitle', { code: alarm.code });
      row.hidden = false;
      // The page places the row under the alarm's right after this.
      window.setTimeout(() => disposition.focus(), 0);
    },
    close,
    alarm: () => current,
    refresh(alarm) {
      if (current?.id === alarm.id) current = alarm;
    },
  };
}
