import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { isLang, type Lang, normalizeLang, type Text } from '@tenure/core/present';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Dictionary, en, type MessageKey } from './en.ts';
import { formatClock, formatDate, formatPeriod, formats } from './format.ts';
import { freeTerm, type TermOf, term } from './terms.ts';
import { zhCN } from './zh-CN.ts';

interface Language {
  label: string;
  messages: Dictionary;
  antd: Locale;
  dayjs: string;
}

/** Every language the dashboard speaks: its dictionary and the antd and dayjs locales that go with it. */
export const languages = {
  en: { label: 'English', messages: en, antd: enUS, dayjs: 'en' },
  'zh-CN': { label: '中文', messages: zhCN, antd: antdZhCN, dayjs: 'zh-cn' },
} satisfies Record<Lang, Language>;

const STORAGE_KEY = 'tenure.lang';

/** The remembered choice, else the browser's languages (read by core's normalizeLang, as the server reads them). */
function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLang(stored)) return stored;
  return normalizeLang(navigator.languages.join(',') || navigator.language);
}

type Vars = Record<string, string | number>;

/** snake_case and camelCase as words: loyalty_tier → Loyalty tier. */
const readable = (name: string) => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function makeI18n(lang: Lang, currency: string | undefined) {
  const messages = languages[lang].messages;
  const t = (key: MessageKey, vars: Vars = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  return {
    lang,
    t,
    /** A value of a known vocabulary (`term('tier', 'high')`): only a value with a label type-checks. */
    term: <P extends string>(prefix: P, value: TermOf<P>) => term(messages, prefix, value),
    /** A stored value that may be free text: its label under `prefix.value` when there is one, else itself. */
    freeTerm: (prefix: string, value: string) => freeTerm(messages, prefix, value),
    /**
     * A field or dimension by its label (`field.<name>`); a custom one made readable instead of shown raw.
     * @example field('region') // '地区' in zh-CN; field('loyalty_tier') // 'Loyalty tier'
     */
    field: (name: string) => {
      const key = `field.${name}`;
      return Object.hasOwn(messages, key) ? messages[key as MessageKey] : readable(name);
    },
    /** The language's part of a bilingual text from the API. */
    text: (s: Text) => s[lang],
    fmt: {
      ...formats(lang, currency),
      date: (s: string | null | undefined, withTime?: boolean) => formatDate(lang, s, withTime),
      /** An instant on the reader's clock (figures' `as_of`). */
      clock: (iso: string) => formatClock(lang, iso),
      period: (grain: string, start: string) => formatPeriod(lang, grain, start, messages['period.quarter']),
    },
  };
}

export type I18n = ReturnType<typeof makeI18n> & { setLang: (l: Lang) => void; setCurrency: (c: string) => void };

const I18nContext = createContext<I18n | null>(null);

/** Language state, remembered in localStorage, with antd's and dayjs's locales switched along. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [currency, setCurrency] = useState<string>();
  dayjs.locale(languages[lang].dayjs);
  // Set while rendering, before the pages' effects fetch: the API client sends it as Accept-Language.
  document.documentElement.lang = lang;
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ ...makeI18n(lang, currency), setLang, setCurrency }), [lang, currency, setLang]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={languages[lang].antd}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
