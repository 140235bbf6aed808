/**
 * Office's own browser window (`Office.context.ui.openBrowserWindow`), the way a pane hands a
 * download to the system browser where its web view cannot save files. Requirement set
 * OpenBrowserWindowApi 1.1: Excel on Windows, Mac and iPad; Excel on the web has none (there a
 * link the user clicks downloads the file). The only Office call of the report download.
 */

/** The part of `Office` read here (structural, so tests can hand in a stand-in). */
export interface OfficeUiLike {
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    ui?: { openBrowserWindow?: (url: string) => void };
  };
}

export type OpenBrowserWindow = (url: string) => void;

/** `openBrowserWindow` when this Office supports it, else null. */
export function officeBrowserWindow(office: OfficeUiLike | undefined): OpenBrowserWindow | null {
  const ui = office?.context?.ui;
  const supported = office?.context?.requirements?.isSetSupported('OpenBrowserWindowApi', '1.1') ?? false;
  if (!supported || !ui || typeof ui.openBrowserWindow !== 'function') return null;
  return (url) => ui.openBrowserWindow!(url);
}
