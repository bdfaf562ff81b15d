// The assessment forms of a risk point's page: pick a method (LEC, LS, GB 18218) and a basis
// (inherent 固有 / residual 现有); the result updates as the fields change (POST /risk/assess),
// and "save" keeps it (POST /risk/points/{id}/assessments). problem+json errors show beside the
// named field (`inputs.l`, `inputs.substances[1].quantity_t`, ...).
import { api } from '../../../api/client';
import {
  BASES, METHODS, type AssessResult, type Gb18218Substances, type Method, type RiskPoint, type RiskPointDetail,
} from '../../../api/risk-types';
import { clearFieldErrors, fieldError, hideMessage, messageLine, showFormError, showMessage, submitting } from '../../../components/errors';
import { h, tr } from '../../../dom';
import { bindText, t, type MessageKey } from '../../../i18n';
import { renderResult } from './assess-result';
import { createGb18218Form } from './gb18218-form';
import { createLecForm } from './lec-form';
import { createLsForm } from './ls-form';
import type { MethodForm } from './method-form';

const LIVE_DELAY_MS = 250;
let substances: Promise<Gb18218Substances> | null = null;

function loadSubstances(): Promise<Gb18218Substances> {
  substances ??= api<Gb18218Substances>('GET', '/api/v1/risk/gb18218/substances').catch((err: unknown) => {
    substances = null;
    throw err;
  });
  return substances;
}

export interface AssessPanel {
  element: HTMLElement;
  setExposurePeople(people: number | null): void;
}

export function defaultMethod(point: Pick<RiskPoint, 'kind'> & { latest: { method: string } | null }): Method {
  const latest = point.latest?.method;
  if (latest && (METHODS as readonly string[]).includes(latest)) return latest as Method;
  return point.kind === 'enterprise_unit' ? 'gb18218' : 'lec';
}

export function createAssessPanel(point: RiskPointDetail, onSaved: () => void): AssessPanel {
  let method = defaultMethod(point);
  let exposurePeople: number | null = null;
  const forms = new Map<Method, MethodForm>();
  const formHost = h('div', { class: 'method-host' });
  const result = h('div', { class: 'assess-live', 'data-testid': 'assess-live' });
  const live = messageLine('assess-live-error');
  const general = messageLine('assess-error');
  const basis = h('select', { name: 'basis', 'data-testid': 'assess-basis' }, BASES.map((b) => {
    const option = h('option', { value: b, selected: b === (point.latest?.basis ?? 'inherent') });
    bindText(option, `risk.basis.${b}`);
    return option;
  }));
  const save = h('button', { type: 'button', class: 'primary', 'data-testid': 'assess-save' }, tr('assess.save'));
  const form = h('form', { class: 'form assess-form', 'data-testid': 'assess-form', novalidate: true });
  let timer: number | undefined;
  let generation = 0;

  const current = (): MethodForm | undefined => forms.get(method);
  const compute = async (): Promise<void> => {
    const mine = ++generation;
    const inputs = current()?.inputs();
    hideMessage(live);
    if (!inputs) {
      result.replaceChildren(h('p', { class: 'muted' }, tr('assess.incomplete')));
      return;
    }
    result.classList.add('computing');
    try {
      const answer = await api<AssessResult>('POST', '/api/v1/risk/assess', { method, inputs });
      if (mine !== generation) return;
      clearFieldErrors(form);
      result.replaceChildren(renderResult(method, answer));
    } catch (err) {
      if (mine !== generation) return;
      result.replaceChildren();
      showFormError(form, live, err);
    } finally {
      if (mine === generation) result.classList.remove('computing');
    }
  };
  const changed = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void compute(), LIVE_DELAY_MS);
  };

  const showMethod = async (next: Method): Promise<void> => {
    method = next;
    clearFieldErrors(form);
    hideMessage(general);
    methodButtons.forEach((b) => b.classList.toggle('active', b.dataset.value === next));
    let methodForm = forms.get(next);
    if (!methodForm) {
      if (next === 'lec') methodForm = createLecForm(changed);
      else if (next === 'ls') methodForm = createLsForm(changed);
      else {
        formHost.replaceChildren(h('p', { class: 'muted' }, tr('app.loading')));
        try {
          methodForm = createGb18218Form(await loadSubstances(), changed, () => exposurePeople);
        } catch (err) {
          showFormError(form, general, err);
          return;
        }
      }
      const latest = point.latest;
      if (latest?.method === next && latest.inputs) methodForm.prefill(latest.inputs);
      methodForm.exposureChanged?.();
      forms.set(next, methodForm);
    }
    if (method !== next) return;
    formHost.replaceChildren(methodForm.element);
    void compute();
  };

  const methodButtons = METHODS.map((m) => {
    const button = h('button', { type: 'button', 'data-value': m, 'data-testid': `assess-method-${m}` });
    bindText(button, `risk.method.${m}` as MessageKey);
    button.addEventListener('click', () => void showMethod(m));
    return button;
  });

  save.addEventListener('click', async () => {
    const inputs = current()?.inputs();
    hideMessage(general);
    if (!inputs) {
      showMessage(general, t('assess.incomplete'), 'error');
      return;
    }
    await submitting([save], form, general, async () => {
      await api('POST', `/api/v1/risk/points/${encodeURIComponent(String(point.id))}/assessments`,
        { method, basis: basis.value, inputs });
      clearFieldErrors(form);
      showMessage(general, t('assess.saved'), 'ok');
      onSaved();
    });
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  form.append(
    h('div', { class: 'segmented method-tabs', role: 'group' }, methodButtons),
    fieldError('method'),
    h('div', { class: 'form-field' }, h('label', {}, tr('risk.basisLabel'), basis), fieldError('basis')),
    formHost,
    h('section', { class: 'assess-result-box' }, tr('assess.live', undefined, 'h3'), result, live),
    general,
    h('div', { class: 'button-row' }, save));
  void showMethod(method);

  return {
    element: h('section', { class: 'card', 'data-testid': 'assess-panel' }, tr('assess.title', undefined, 'h2'), form),
    setExposurePeople(people) {
      exposurePeople = people;
      forms.forEach((f) => f.exposureChanged?.());
    },
  };
}
