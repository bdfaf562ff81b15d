// Tiny i18n: t(key, args) looks a message up in the active catalogue; setLang() switches the
// language, saves the choice, updates <html lang> and re-translates every element that carries
// data-i18n* attributes, so pages need not re-render on a switch.
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export type { MessageKey };
export type Lang = 'zh-CN' | 'en';
export type MessageArgs = Record<string, string | number>;

export const catalogues: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'citysafe.lang';
const listeners = new Set<(lang: Lang) => void>();
let current: Lang = readSavedLang();

function readSavedLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function format(template: string, args?: MessageArgs): string {
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in args ? String(args[name]) : whole);
}

export function t(key: MessageKey, args?: MessageArgs): string {
  return format(catalogues[current][key] ?? key, args);
}

/** Looks up a key built at run time (e.g. `orgKind.${kind}`), falling back to the raw value. */
export function tDynamic(key: string, fallback: string): string {
  const table = catalogues[current] as Record<string, string>;
  return table[key] ?? fallback;
}

export function hasKey(key: string): key is MessageKey {
  return key in catalogues[current];
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: keep the choice for this page only */
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
    document.title = t('app.name');
    applyTranslations(document.body);
  }
  listeners.forEach((fn) => fn(lang));
}

export function toggleLang(): void {
  setLang(current === 'zh-CN' ? 'en' : 'zh-CN');
}

export function onLangChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Marks an element so its text (or an attribute) follows the language. */
export function bindText(el: Element, key: MessageKey, args?: MessageArgs, attr?: string): void {
  const suffix = attr ? `-${attr}` : '';
  el.setAttribute(`data-i18n${suffix}`, key);
  if (args) el.setAttribute(`data-i18n${suffix}-args`, JSON.stringify(args));
  else el.removeAttribute(`data-i18n${suffix}-args`);
  translateElement(el);
}

const TRANSLATED_ATTRS = ['placeholder', 'title', 'aria-label'];

/** Marks an element whose text comes from the server in both languages (e.g. sector names). */
export function bindBilingual(el: Element, zh: string, enText: string): void {
  el.setAttribute('data-text-zh', zh);
  el.setAttribute('data-text-en', enText || zh);
  translateElement(el);
}

function translateElement(el: Element): void {
  const key = el.getAttribute('data-i18n');
  if (key) el.textContent = t(key as MessageKey, readArgs(el, 'data-i18n-args'));
  const literal = el.getAttribute(current === 'en' ? 'data-text-en' : 'data-text-zh');
  if (literal !== null) el.textContent = literal;
  for (const attr of TRANSLATED_ATTRS) {
    const attrKey = el.getAttribute(`data-i18n-${attr}`);
    if (attrKey) el.setAttribute(attr, t(attrKey as MessageKey, readArgs(el, `data-i18n-${attr}-args`)));
  }
}

function readArgs(el: Element, name: string): MessageArgs | undefined {
  const raw = el.getAttribute(name);
  return raw ? (JSON.parse(raw) as MessageArgs) : undefined;
}

export function applyTranslations(root: ParentNode): void {
  const selector = ['[data-i18n]', '[data-text-zh]', ...TRANSLATED_ATTRS.map((a) => `[data-i18n-${a}]`)].join(',');
  if (root instanceof Element && root.matches(selector)) translateElement(root);
  root.querySelectorAll(selector).forEach(translateElement);
}
