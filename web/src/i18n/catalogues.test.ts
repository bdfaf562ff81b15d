import { describe, expect, it } from 'vitest';
import { en } from './en';
import { format } from './index';
import { zhCN } from './zh-CN';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have identical keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('have no empty messages', () => {
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('formats arguments and leaves unknown placeholders alone', () => {
    expect(format('{a} / {b}', { a: 1 })).toBe('1 / {b}');
  });
});
