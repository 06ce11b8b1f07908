import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatter, type Formatter } from '../format';
import { LOCALES, MESSAGES, type Locale, type MessageKey } from './messages';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey) => string;
  /** Formats for the locale in a time zone (the center's). */
  format: (timeZone: string) => Formatter;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'switchboard.locale';

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());
  const value = useMemo<I18n>(() => {
    const formatters = new Map<string, Formatter>();
    return {
      locale,
      setLocale: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
      t: (key) => MESSAGES[locale][key],
      format: (timeZone) => {
        let f = formatters.get(timeZone);
        if (!f) {
          f = formatter(locale, timeZone);
          formatters.set(timeZone, f);
        }
        return f;
      },
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
