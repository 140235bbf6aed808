/**
 * Loads Microsoft's own office.js for Excel on the web (`excel-web-16.00.js` from
 * `@microsoft/office-js`) in a `node:vm` context with a minimal window/document, and routes
 * every request it makes to a host function through the hook office.js calls when running in a
 * host: `OSF.DDA.RichApi.executeRichApiRequestAsync(safeArray, callback)`. The script is
 * compiled once per process; each call makes a fresh realm (its own `Excel`, its own state).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createContext, Script } from 'node:vm';

/** What the host answers: the response body (JSON text), or a bridge failure code (5004 edit mode, 5103 request too large…). */
export type BridgeAnswer = { body: string } | { failure: number };

/** The host side: the request body as office.js serialised it, and whether it contains a write. */
export type BridgeHandler = (body: string, hasWrite: boolean) => BridgeAnswer;

export interface OfficeRealm {
  /** The realm's `Excel` namespace (`Excel.run`, `Excel.RequestContext`, enums). */
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
}

const FILE = join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.js');
let script: Script | undefined;

type Callback = (result: unknown) => void;

export function loadOfficeJs(handler: BridgeHandler): OfficeRealm {
  script ??= new Script(readFileSync(FILE, 'utf8'), { filename: 'excel-web-16.00.js' });
  const noop = (): void => undefined;
  const element = (): Record<string, unknown> => ({ setAttribute: noop, appendChild: noop, removeChild: noop, addEventListener: noop, style: {} });
  const document = {
    readyState: 'complete',
    cookie: '',
    addEventListener: noop,
    removeEventListener: noop,
    createElement: element,
    getElementsByTagName: () => [],
    querySelector: () => null,
  };
  const window: Record<string, unknown> = {
    navigator: { userAgent: 'Mozilla/5.0 (office-host)' },
    location: { href: 'https://localhost/taskpane.html', protocol: 'https:', hostname: 'localhost', host: 'localhost', search: '', hash: '', pathname: '/taskpane.html' },
    document,
    addEventListener: noop,
    removeEventListener: noop,
    setTimeout,
    clearTimeout,
    console,
    // Node's own JSON and Promise: arrays parsed from answers are then this realm's arrays.
    JSON,
    Promise,
  };
  window.window = window;
  window.self = window;
  window.top = window;
  window.parent = window;
  const context = createContext(window);
  script.runInContext(context);
  const realm = context as unknown as {
    Excel: typeof Excel;
    OfficeExtension: typeof OfficeExtension;
    OSF: { DDA: { RichApi: { executeRichApiRequestAsync?: (safeArray: unknown[], callback: Callback) => void } } };
  };
  realm.OSF.DDA.RichApi.executeRichApiRequestAsync = richApiHook(handler);
  return { Excel: realm.Excel, OfficeExtension: realm.OfficeExtension };
}

/**
 * The function office.js calls for each request (`OSF.DDA.RichApi.executeRichApiRequestAsync`):
 * hands the body and the write bit to `handler` and its answer back to office.js, at once for a
 * host in the same process, when the promise settles for one across a bridge (the browser
 * test's page calls the Node host this way; a host that throws answers a general failure).
 * Self-contained, with no reference outside itself: the browser test installs its source text
 * in the page.
 */
export function richApiHook(handler: (body: string, hasWrite: boolean) => BridgeAnswer | Promise<BridgeAnswer>): (safeArray: unknown[], callback: Callback) => void {
  return (safeArray, callback) => {
    const reply = (answer: BridgeAnswer): void => {
      if ('failure' in answer) callback({ status: 'failed', error: { code: answer.failure } });
      else callback({ status: 'succeeded', value: { data: [200, [], answer.body] } });
    };
    const answer = handler(String(safeArray[4]), (Number(safeArray[6]) & 1) === 1);
    if ('then' in answer) answer.then(reply, () => reply({ failure: 5001 }));
    else reply(answer);
  };
}
