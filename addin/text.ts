/**
 * A text the pane shows, in both of its languages, and the error type whose message the pane
 * shows as it is. Flows, the Excel adapter and the API client build texts; the pane picks the
 * user's language.
 */

export type Lang = 'vi' | 'en';

export interface Text {
  vi: string;
  en: string;
}

export const text = (vi: string, en: string): Text => ({ vi, en });

/** Two texts joined with a space. */
export function join(...parts: readonly Text[]): Text {
  return { vi: parts.map((p) => p.vi).join(' '), en: parts.map((p) => p.en).join(' ') };
}

/** An error meant for the user: its text says what happened and what to do, in both languages. */
export class UserError extends Error {
  constructor(
    readonly text: Text,
    /** A stable code for tests and support (`NO_TABLES`, an Office error code…). */
    readonly code: string = '',
  ) {
    super(text.vi);
    this.name = 'UserError';
  }
}
