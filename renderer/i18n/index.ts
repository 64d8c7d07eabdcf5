/**
 * Screen texts: a Dutch and an English catalogue, the chosen language in a
 * small store kept in localStorage, and `t`/`useT` to look texts up.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey };
export type Language = 'nl' | 'en';
export type Params = Record<string, string | number>;

/** Keys that have `.one` and `.other` forms, named without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };
const storageKey = 'okeLokaal.language';

function readStoredLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const useLanguage = create<LanguageState>()((set) => ({
  language: readStoredLanguage(),
  setLanguage: (language) => {
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // Without storage the choice lasts until the page reloads.
    }
    set({ language });
  },
}));

function fill(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return fill(catalogues[language][key], params);
}

export function translatePlural(language: Language, key: PluralKey, count: number, params?: Params): string {
  const form = count === 1 ? 'one' : 'other';
  return translate(language, `${key}.${form}` as MessageKey, { count, ...params });
}

/** Looks a text up in the current language, for code outside components. */
export function t(key: MessageKey, params?: Params): string {
  return translate(useLanguage.getState().language, key, params);
}

export interface Translator {
  (key: MessageKey, params?: Params): string;
  plural: (key: PluralKey, count: number, params?: Params) => string;
  language: Language;
}

/** Returns a translator that re-renders the component when the language changes. */
export function useT(): Translator {
  const language = useLanguage((state) => state.language);
  return useMemo(
    () =>
      Object.assign((key: MessageKey, params?: Params) => translate(language, key, params), {
        plural: (key: PluralKey, count: number, params?: Params) => translatePlural(language, key, count, params),
        language,
      }),
    [language],
  );
}
