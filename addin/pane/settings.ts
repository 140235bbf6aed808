/**
 * Per-user settings in the browser's localStorage (API address, org, key, language, year):
 * never in the workbook, which other people open.
 */
import { ORG_ID_PATTERN } from '../../shared/ids';
import type { Lang } from './i18n';

export interface PaneSettings {
  apiUrl: string;
  org: string;
  apiKey: string;
  lang: Lang;
  year: number | null;
}

export const SETTINGS_KEY = 'tracker12.settings';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export const DEFAULT_SETTINGS: PaneSettings = { apiUrl: 'http://127.0.0.1:7071/api', org: '', apiKey: '', lang: 'vi', year: null };

export function loadSettings(storage: StorageLike | undefined): PaneSettings {
  try {
    const raw = storage?.getItem(SETTINGS_KEY);
    if (!raw) return { ...DEFAULT_SETTINGS };
    const v = JSON.parse(raw) as Partial<PaneSettings>;
    return {
      apiUrl: typeof v.apiUrl === 'string' ? v.apiUrl : DEFAULT_SETTINGS.apiUrl,
      org: typeof v.org === 'string' ? v.org : '',
      apiKey: typeof v.apiKey === 'string' ? v.apiKey : '',
      lang: v.lang === 'en' ? 'en' : 'vi',
      year: typeof v.year === 'number' && Number.isInteger(v.year) ? v.year : null,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(storage: StorageLike | undefined, settings: PaneSettings): void {
  storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

/** Whether the connection fields are filled (the org as api.md requires it). */
export function settingsProblems(s: PaneSettings): string[] {
  const problems: string[] = [];
  if (!/^https?:\/\/\S+$/i.test(s.apiUrl.trim())) problems.push('apiUrl');
  if (!ORG_ID_PATTERN.test(s.org.trim())) problems.push('org');
  if (!s.apiKey.trim()) problems.push('apiKey');
  return problems;
}

/** The years the selector offers: from two years back to next year. */
export function yearChoices(currentYear: number): number[] {
  return [currentYear + 1, currentYear, currentYear - 1, currentYear - 2];
}
