// #/admin/audit?entity=&entity_id=: the audit log newest first (cursor-paged), with field diffs,
// a filter by entity, and a button that verifies the hash chain.
import { api, getPage } from '../../api/client';
import type { AuditRecord, AuditVerify } from '../../api/types';
import { errorText, messageLine, showMessage } from '../../components/errors';
import { createPagedList } from '../../components/paged-list';
import { enumLabel, formatTime, h, tableHead, tr } from '../../dom';
import { bindText, hasKey, t } from '../../i18n';
import { buildHash, navigate } from '../../router';
import type { PageRenderer } from '../page';
import { diffSnapshots } from './audit-diff';
import { AUDIT_ENTITY_ORG, AUDIT_ENTITY_RISK_POINT, AUDIT_ENTITY_USER, entityHash } from './audit-entities';

function changesCell(record: AuditRecord): HTMLElement {
  const changes = diffSnapshots(record.before, record.after);
  if (!changes.length) return h('span', { class: 'muted' }, tr('audit.noChanges'));
  return h('table', { class: 'diff' },
    tableHead(['audit.field', 'audit.before', 'audit.after']),
    h('tbody', {}, changes.map((c) => h('tr', {},
      h('td', {}, c.field),
      h('td', { class: 'diff-before' }, c.before ?? '—'),
      h('td', { class: 'diff-after' }, c.after ?? '—')))));
}

function auditRow(record: AuditRecord): HTMLElement {
  const actor = record.actor_name ?? record.actor ?? record.actor_id ?? '—';
  const target = entityHash(record.entity, record.entity_id);
  const id = String(record.entity_id);
  return h('tr', {},
    h('td', { class: 'nowrap' }, formatTime(record.at)),
    h('td', {}, String(actor)),
    h('td', {}, enumLabel('action', record.action)),
    h('td', {}, enumLabel('entity', record.entity), ' ', target ? h('a', { href: target }, `#${id}`) : `#${id}`),
    h('td', {}, changesCell(record)));
}

function filterForm(entity: string, entityId: string): HTMLElement {
  const entitySelect = h('select', { name: 'entity', 'data-testid': 'audit-entity' },
    ['', AUDIT_ENTITY_ORG, AUDIT_ENTITY_USER, AUDIT_ENTITY_RISK_POINT].map((value) => {
      const option = h('option', { value, selected: value === entity });
      const key = `entity.${value}`;
      if (hasKey(key)) bindText(option, key);
      else option.textContent = value || '—';
      return option;
    }));
  const idInput = h('input', { name: 'entity_id', value: entityId, size: 10, 'data-testid': 'audit-entity-id' });
  const form = h('form', { class: 'filter-row' },
    h('label', {}, tr('audit.entity'), entitySelect),
    h('label', {}, tr('audit.entityId'), idInput),
    h('button', { type: 'submit' }, tr('audit.filter')),
    entity || entityId ? h('a', { href: '#/admin/audit' }, tr('audit.clearFilter')) : null);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(buildHash('admin/audit', { entity: entitySelect.value, entity_id: idInput.value.trim() }));
  });
  return form;
}

function verifyButton(): HTMLElement {
  const result = messageLine('audit-verify-result');
  const button = h('button', { type: 'button', 'data-testid': 'audit-verify' }, tr('audit.verify'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    showMessage(result, t('audit.verifying'), 'ok');
    try {
      const outcome = await api<AuditVerify>('GET', '/api/v1/audit/verify');
      if (outcome.ok) showMessage(result, t('audit.verifyOk', { checked: outcome.checked }), 'ok');
      else if (outcome.first_broken_seq) showMessage(result, t('audit.verifyBroken',
        { seq: outcome.first_broken_seq, reason: outcome.reason ?? '' }), 'error');
      // The chain holds, but a row, the tail or a checkpoint does not.
      else showMessage(result, t('audit.verifyProblems',
        { problems: (outcome.problems ?? [outcome.reason ?? '']).join('; ') }), 'error');
    } catch (err) {
      showMessage(result, errorText(err), 'error');
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'verify' }, button, result);
}

interface LoginActivityRow {
  address: string;
  username: string | null;
  failures: number;
  last_failure: string;
  blocked_until: string | null;
}

/** Failed sign-ins by address and account: platform administrators see it, others get nothing. */
function loginActivityCard(): HTMLElement {
  const card = h('div', { class: 'card', 'data-testid': 'login-activity', hidden: true });
  void (async () => {
    try {
      const { items } = await api<{ items: LoginActivityRow[] }>('GET', '/api/v1/auth/login-activity');
      const body = items.length
        ? h('table', { class: 'data-table' },
          tableHead(['audit.address', 'audit.account', 'audit.failures', 'audit.lastFailure', 'audit.blockedUntil']),
          h('tbody', {}, items.map((row) => h('tr', { class: row.blocked_until ? 'row-warn' : '' },
            h('td', {}, row.address),
            h('td', {}, row.username ?? tr('audit.allAccounts')),
            h('td', {}, String(row.failures)),
            h('td', { class: 'nowrap' }, formatTime(row.last_failure)),
            h('td', { class: 'nowrap' }, row.blocked_until ? formatTime(row.blocked_until) : '—')))))
        : h('p', { class: 'muted' }, tr('audit.noFailures'));
      card.append(tr('audit.loginActivity', undefined, 'h2'), h('p', { class: 'muted' }, tr('audit.loginActivityHint')), body);
      card.hidden = false;
    } catch {
      // Not a platform administrator: the card stays hidden.
    }
  })();
  return card;
}

export const renderAuditPage: PageRenderer = (outlet, route) => {
  const entity = route.query.get('entity') ?? '';
  const entityId = route.query.get('entity_id') ?? '';
  const rows = h('tbody');
  const list = createPagedList<AuditRecord>(rows,
    (cursor) => getPage<AuditRecord>('/api/v1/audit', { entity, entity_id: entityId }, cursor),
    auditRow);
  const table = h('table', { class: 'data-table', 'data-testid': 'audit-table' },
    tableHead(['audit.time', 'audit.actor', 'audit.action', 'audit.entity', 'audit.changes']),
    rows);
  outlet.append(h('section', { class: 'page' },
    tr('audit.title', undefined, 'h1'),
    h('div', { class: 'toolbar' }, filterForm(entity, entityId), verifyButton()),
    loginActivityCard(),
    h('div', { class: 'card' }, table, list.footer)));
  void list.reload();
};
