/** DOM wiring of the task pane: settings, year, the four actions, progress and the issue list. */
import { ApiClient, type FetchLike } from '../api/client';
import { selectTableCell } from '../excel/adapter';
import type { ExcelLike } from '../excel/excel-api';
import { FlowError, missingTablesText, type FlowDeps, type Progress } from '../flows/context';
import { join, text, type Text } from '../text';
import { errorText } from './error-text';
import { updateDashboard } from '../flows/dashboard';
import { publishChanges } from '../flows/publish';
import { refreshFromServer } from '../flows/refresh';
import { resolveConflict } from '../flows/resolve';
import { createWorkbookTemplate } from '../flows/template';
import type { Issue } from '../sheet/issues';
import { both, t, TEXT_KEYS, type Lang, type TextKey } from './i18n';
import type { AuthSession } from '../auth/session';
import type { OpenBrowserWindow } from '../excel/browser-window';
import { startReportView, type ReportView } from './report-view';
import { startProfileView, type ProfileView } from './profile-view';
import { startIdentity, type Identity } from './identity-view';
import { renderIssues } from './issues-view';
import { startYearView, type YearView } from './year-view';
import { loadSettings, saveSettings, settingsProblems, yearChoices, type PaneSettings, type StorageLike } from './settings';

export interface PaneOptions {
  doc: Document;
  storage?: StorageLike;
  excel: ExcelLike;
  fetchImpl?: FetchLike;
  /** Today's year in Vietnam. */
  currentYear: number;
  /** Microsoft 365 sign-in (auth/): null or absent when not configured (keys only). */
  auth?: Promise<AuthSession | null>;
  /** Office's browser window for downloads (Excel desktop), asked at each download; absent or null: a link to click. */
  browserWindow?: () => OpenBrowserWindow | null;
}

/** A flow's result, followed by what it could not find. */
function withMissing(result: Text, missing: readonly { table: string; sheet: string }[]): Text {
  const notice = missingTablesText(missing);
  return notice ? join(result, notice) : result;
}

export function startPane(opts: PaneOptions): void {
  const { doc } = opts;
  const $ = <T extends HTMLElement>(id: string): T => {
    const el = doc.getElementById(id);
    if (!el) throw new Error(`#${id} missing from taskpane.html`);
    return el as T;
  };
  let settings: PaneSettings = loadSettings(opts.storage);
  let issues: Issue[] = [];
  const lang = (): Lang => settings.lang;

  const inputs = { apiUrl: $<HTMLInputElement>('api-url'), org: $<HTMLInputElement>('org'), apiKey: $<HTMLInputElement>('api-key') };
  const yearSelect = $<HTMLSelectElement>('year');
  const status = $('status');
  const progress = $<HTMLProgressElement>('progress');
  const progressText = $('progress-text');
  const progressBox = $('progress-box');
  const list = $('issues');
  const actionButtons = ['create-template', 'publish', 'refresh', 'dashboard', 'national', 'report-docx', 'report-xlsx', 'year-report-sheet', 'profile-save'].map((id) => $<HTMLButtonElement>(id));
  let identity: Identity | null = null;
  let yearView: YearView | null = null;
  let reports: ReportView | null = null;
  let profile: ProfileView | null = null;
  /** The missing settings; no key is needed while signed in with Microsoft 365. */
  const problems = (): string[] => settingsProblems(settings).filter((p) => p !== 'apiKey' || (identity?.usesKey() ?? true));

  // The status line and the progress are kept as texts in both languages, so that switching
  // the language mid-work shows them in the new one.
  let lastStatus: Text | null = null;
  let lastProgress: Progress | null = null;

  const say = (message: Text, kind: 'info' | 'ok' | 'error' = 'info'): void => {
    lastStatus = message;
    status.textContent = message[lang()];
    status.className = `status ${kind}`;
  };

  const showProgress = (p: Progress | null): void => {
    lastProgress = p;
    progressBox.hidden = p === null;
    if (!p) return;
    const step = p.step[lang()];
    if (p.total > 0) {
      progress.max = p.total;
      progress.value = p.done;
      progressText.textContent = `${step} ${p.done}/${p.total}${p.unit ? ` ${p.unit[lang()]}` : ''}`;
    } else {
      progress.removeAttribute('value');
      progressText.textContent = step;
    }
  };

  const applyTexts = (): void => {
    doc.documentElement.lang = lang();
    for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const key = el.dataset.i18n as TextKey;
      if (TEXT_KEYS.includes(key)) el.textContent = t(lang(), key);
    }
    renderIssues(doc, list, issues, lang(), issueActions);
    reports?.applyTexts();
    profile?.applyTexts();
    identity?.applyTexts();
    if (lastStatus) status.textContent = lastStatus[lang()];
    if (lastProgress) showProgress(lastProgress);
    yearView?.render();
  };

  const year = (): number => Number(yearSelect.value) || opts.currentYear;
  const client = (): ApiClient => new ApiClient({ ...settings, token: identity?.token() }, opts.fetchImpl);
  const deps = (): FlowDeps => ({ excel: opts.excel, api: client(), year: year(), onProgress: showProgress, role: identity?.role() ?? null });

  const setIssues = (next: Issue[]): void => {
    issues = next;
    renderIssues(doc, list, issues, lang(), issueActions);
  };

  /** Runs one action with the buttons disabled; errors shown in the pane's language. */
  const busy = async (work: () => Promise<Text>, needsSettings = true): Promise<void> => {
    if (needsSettings && problems().length) {
      say(both('missingSettings'), 'error');
      return;
    }
    actionButtons.forEach((b) => (b.disabled = true));
    say(both('busy'));
    try {
      say(await work(), 'ok');
    } catch (e) {
      say(errorText(e), 'error');
    } finally {
      actionButtons.forEach((b) => (b.disabled = false));
      showProgress(null);
      void yearView?.refresh();
    }
  };

  const issueActions = {
    select: (issue: Issue): void => {
      void selectTableCell(opts.excel, issue.table, issue.row, issue.col ?? 0).catch((e: unknown) => {
        const why = errorText(e);
        say(text(`Không chọn được ô: ${why.vi}`, `Could not select the cell: ${why.en}`), 'error');
      });
    },
    resolve: (issue: Issue, choice: 'keepMine' | 'takeServer'): void => {
      void busy(async () => {
        await resolveConflict(deps(), issue, choice);
        setIssues(issues.filter((i) => i !== issue));
        return both('resolved');
      });
    },
  };

  // Settings.
  inputs.apiUrl.value = settings.apiUrl;
  inputs.org.value = settings.org;
  inputs.apiKey.value = settings.apiKey;
  for (const y of yearChoices(opts.currentYear)) {
    const o = doc.createElement('option');
    o.value = String(y);
    o.textContent = String(y);
    yearSelect.append(o);
  }
  yearSelect.value = String(settings.year ?? opts.currentYear);
  const persist = (): void => saveSettings(opts.storage, settings);

  $('save-settings').addEventListener('click', () => {
    settings = { ...settings, apiUrl: inputs.apiUrl.value.trim(), org: inputs.org.value.trim(), apiKey: inputs.apiKey.value.trim() };
    persist();
    const missing = problems();
    say(missing.length ? both('missingSettings') : both('saved'), missing.length ? 'error' : 'ok');
    if (!missing.length) void identity?.refresh().catch(() => undefined).finally(() => void yearView?.refresh());
  });
  yearSelect.addEventListener('change', () => {
    settings = { ...settings, year: year() };
    persist();
    void yearView?.refresh();
  });
  $('lang').addEventListener('click', () => {
    settings = { ...settings, lang: lang() === 'vi' ? 'en' : 'vi' };
    persist();
    applyTexts();
  });
  $('check').addEventListener('click', () => {
    void busy(async () => {
      say(both('checking'));
      const api = client();
      const health = await api.health();
      if (health.storage !== 'ok') throw new FlowError(both('storageDown'), 'STORAGE_DOWN');
      await api.policy(year());
      await identity?.refresh();
      return both('connectionOk', { org: settings.org });
    });
  });

  // Actions.
  $('create-template').addEventListener('click', () => {
    void busy(async () => {
      const r = await createWorkbookTemplate(deps());
      return both('templateDone', { created: r.createdTables.length, columns: r.addedColumns.reduce((n, c) => n + c.headers.length, 0) });
    });
  });
  $('publish').addEventListener('click', () => {
    void busy(async () => {
      const r = await publishChanges(deps());
      setIssues(r.issues);
      if (r.failure) throw new FlowError(r.failure, 'PUBLISH_FAILED');
      return withMissing(r.sent ? both('publishDone', { sent: r.sent, ...r.summary }) : both('nothingToSend'), r.missing);
    });
  });
  $('refresh').addEventListener('click', () => {
    void busy(async () => {
      const r = await refreshFromServer(deps());
      setIssues(r.issues);
      return withMissing(both('refreshDone', { ...r.counts }), r.missing);
    });
  });
  $('dashboard').addEventListener('click', () => {
    void busy(async () => {
      const r = await updateDashboard(deps());
      return both('dashboardDone', { ...r });
    });
  });

  profile = startProfileView({ doc, el: $, client, org: () => settings.org, lang, busy });
  identity = startIdentity({
    doc,
    el: $,
    session: opts.auth ?? Promise.resolve(null),
    client,
    deps,
    org: () => settings.org,
    setOrg: (org) => {
      settings = { ...settings, org };
      inputs.org.value = org;
      persist();
    },
    say,
    lang,
    busy,
    // The role decides the year buttons and Thông tin đơn vị; after a sign-in the org itself may have changed.
    onChange: () => {
      void yearView?.refresh();
      profile?.setRole(identity?.role() ?? null);
    },
  });
  yearView = startYearView({ doc, el: $, client, year, role: () => identity?.role() ?? null, lang, ready: () => !problems().length, busy });

  reports = startReportView({ el: $, deps, org: () => settings.org, lang, say, busy, browserWindow: opts.browserWindow ?? (() => null) });

  showProgress(null);
  applyTexts();
  if (problems().length) say(both('missingSettings'));
  // The role (which year buttons show, whether evaluations may be sent, Thông tin đơn vị for
  // admins), with a key too, and the year's state.
  else void identity.refresh().catch(() => undefined).finally(() => void yearView?.refresh());
}
