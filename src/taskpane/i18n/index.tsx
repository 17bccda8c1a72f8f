/**
 * The task pane's tiny i18n layer: two message tables (zh-CN is the reference, en-US must have
 * exactly its keys), a provider holding the chosen language, and `useT()`.
 *
 * Messages are plain strings with `{name}` placeholders; `t(key, vars)` is typed so that a key with
 * placeholders must be given exactly those variables. Messages coming from the controller (errors,
 * problems, notices) are shown as given — they are written in Chinese by the scoring side.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { zhCN, type MessageKey, type Messages } from './zh-CN';
import { enUS } from './en-US';

export type Lang = 'zh-CN' | 'en-US';

export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

const TABLES: Record<Lang, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Office's displayLanguage (e.g. "zh-CN", "zh-TW", "en-US", "") → the UI language. */
export function pickLanguage(displayLanguage: string | null | undefined): Lang {
  return /^zh\b/i.test((displayLanguage ?? '').trim()) ? 'zh-CN' : 'en-US';
}

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The placeholder names of a message (taken from the Chinese table, which is `as const`). */
export type VarsOf<K extends MessageKey> = Placeholders<(typeof zhCN)[K]>;

export type TFunction = <K extends MessageKey>(
  key: K,
  ...vars: [VarsOf<K>] extends [never] ? [] : [Record<VarsOf<K>, string | number>]
) => string;

/** Replaces `{name}` with vars.name; unknown placeholders are left as they are. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function makeT(lang: Lang): TFunction {
  const table = TABLES[lang];
  return ((key: MessageKey, vars?: Record<string, string | number>) => format(table[key], vars)) as TFunction;
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue>({ lang: 'zh-CN', setLang: () => undefined, t: makeT('zh-CN') });

export function I18nProvider({ lang, setLang, children }: { lang: Lang; setLang: (lang: Lang) => void; children: ReactNode }) {
  const value = useMemo(() => ({ lang, setLang, t: makeT(lang) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): TFunction {
  return useContext(I18nContext).t;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

export type { MessageKey, Messages };
