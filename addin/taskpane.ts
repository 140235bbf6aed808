/**
 * The task pane's entry: waits for Office.js, then wires the pane to the workbook (`Excel`)
 * and the API. Host logic lives in flows/ and sheet/, Office.js calls in excel/.
 */
import { vietnamToday, yearOfIso } from '../shared/dates';
import type { ExcelLike } from './excel/excel-api';
import { loadAuthConfig } from './auth/config';
import { createSession } from './auth/factory';
import { officeBrowserWindow } from './excel/browser-window';
import type { AuthSession } from './auth/session';
import { FlowError } from './flows/context';
import { startPane } from './pane/pane';
import { text } from './text';

export const PRODUCT_NAME = 'Theo dõi 1+2';

Office.onReady(() => {
  // The real Excel namespace satisfies the adapter's structural subset (excel/excel-api.ts).
  const excel: ExcelLike = (globalThis as unknown as { Excel?: ExcelLike }).Excel ?? {
    // Opened outside Excel (a plain browser): the settings work, the workbook actions say why not.
    run: () =>
      Promise.reject(
        new FlowError(
          text('Ngăn này cần chạy trong Excel: hãy mở bằng nút Theo dõi 1+2 trên thẻ Trang đầu.', 'This pane runs inside Excel: open it with the 1+2 Tracker button on the Home tab.'),
          'NOT_IN_EXCEL',
        ),
      ),
  };
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined; // storage blocked: settings last for the session only
  }
  // Microsoft 365 sign-in when the deployment put auth-config.json beside the pane; MSAL is
  // loaded only then (its own chunk), with nested app authentication where Office supports it.
  const paneUrl = window.location.href;
  const auth: Promise<AuthSession | null> = loadAuthConfig((url) => fetch(url), paneUrl).then((config) =>
    config
      ? createSession(
          config,
          (name, version) => Office.context.requirements.isSetSupported(name, version),
          async (kind, c) =>
            kind === 'naa'
              ? (await import(/* webpackChunkName: "msal-naa" */ './auth/msal-naa')).createNaaBackend(c)
              : (await import(/* webpackChunkName: "msal-dialog" */ './auth/msal-dialog')).createDialogBackend(c, paneUrl),
          storage,
        )
      : null,
  );
  startPane({ doc: document, storage, excel, currentYear: yearOfIso(vietnamToday()), auth, browserWindow: () => officeBrowserWindow(Office) });
});
