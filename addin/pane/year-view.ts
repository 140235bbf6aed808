/**
 * The year's state and its close in the pane (cycle.md §4): a line under the year selector
 * (open / closed, for everyone), "Khoá sổ năm" for leaders and "Mở lại năm" for admins, each
 * with a confirmation in the pane (Office blocks `window.confirm`) — the close's lists the
 * figures being frozen. DOM only; the calls are flows/close-year.ts.
 */
import { vietnamToday } from '../../shared/dates';
import type { Role } from '../../shared/roles';
import type { ApiClient } from '../api/client';
import {
  closedText,
  closePrompt,
  closeYear,
  frozenFigures,
  loadYearState,
  previewClose,
  reopenPrompt,
  reopenYear,
  yearActions,
  yearStateText,
  type FigureLine,
  type YearState,
} from '../flows/close-year';
import { text, type Lang, type Text } from '../text';
import { errorText } from './error-text';
import { t } from './i18n';

export interface YearViewHost {
  doc: Document;
  el<T extends HTMLElement>(id: string): T;
  client(): ApiClient;
  year(): number;
  role(): Role | null;
  lang(): Lang;
  /** Whether the settings allow calling the API. */
  ready(): boolean;
  busy(work: () => Promise<Text>): Promise<void>;
}

export interface YearView {
  /** Re-reads the selected year's state (`GET years`); a failure is shown on the line only. */
  refresh(): Promise<void>;
  /** Shows the texts in the pane's language and the buttons the role may use. */
  render(): void;
}

interface Pending {
  act: 'close' | 'reopen';
  year: number;
  asOf?: string;
  prompt: Text;
  figures: FigureLine[];
}

export function startYearView(host: YearViewHost): YearView {
  const { doc, el } = host;
  const line = el('year-state');
  const closeButton = el<HTMLButtonElement>('close-year');
  const reopenButton = el<HTMLButtonElement>('reopen-year');
  const box = el('year-confirm');
  const prompt = el('year-confirm-text');
  const figures = el('year-confirm-figures');
  const ok = el<HTMLButtonElement>('year-confirm-ok');
  let state: YearState | null = null;
  let lineText: Text | null = null;
  let pending: Pending | null = null;

  const render = (): void => {
    const lang = host.lang();
    line.textContent = lineText ? lineText[lang] : '';
    line.className = `note year-state${state?.closed ? ' closed' : ''}`;
    const actions = yearActions(host.role(), state && state.year === host.year() ? state : null);
    closeButton.hidden = !actions.close;
    reopenButton.hidden = !actions.reopen;
    box.hidden = pending === null;
    if (!pending) return;
    prompt.textContent = pending.prompt[lang];
    ok.textContent = t(lang, pending.act === 'close' ? 'confirmClose' : 'confirmReopen');
    figures.replaceChildren();
    for (const f of pending.figures) {
      const dt = doc.createElement('dt');
      dt.textContent = f.label[lang];
      const dd = doc.createElement('dd');
      dd.textContent = f.value;
      figures.append(dt, dd);
    }
  };

  const show = (next: YearState): void => {
    state = next;
    lineText = yearStateText(next);
    if (pending && pending.year !== next.year) pending = null;
    render();
  };

  const refresh = async (): Promise<void> => {
    const year = host.year();
    if (pending && pending.year !== year) pending = null;
    if (!host.ready()) {
      state = null;
      lineText = null;
      render();
      return;
    }
    try {
      show(await loadYearState(host.client(), year));
    } catch (e) {
      const why = errorText(e);
      state = null;
      lineText = text(`Chưa đọc được trạng thái năm ${year}: ${why.vi}`, `Could not read the state of ${year}: ${why.en}`);
      render();
    }
  };

  closeButton.addEventListener('click', () => {
    void host.busy(async () => {
      const year = host.year();
      const body = await previewClose(host.client(), year);
      if (body.closed) {
        show({ year, closed: body.closed });
        return yearStateText({ year, closed: body.closed });
      }
      pending = { act: 'close', year, asOf: body.asOf, prompt: closePrompt(year, body, vietnamToday()), figures: frozenFigures(body) };
      render();
      return text('Xem các số liệu sẽ được chốt, rồi bấm "Xác nhận khoá sổ" hoặc "Huỷ".', 'Check the figures to be frozen, then click "Confirm closing" or "Cancel".');
    });
  });
  reopenButton.addEventListener('click', () => {
    if (!state?.closed) return;
    pending = { act: 'reopen', year: state.year, prompt: reopenPrompt(state), figures: [] };
    render();
  });
  el('year-confirm-cancel').addEventListener('click', () => {
    pending = null;
    render();
  });
  ok.addEventListener('click', () => {
    const act = pending;
    if (!act) return;
    void host.busy(async () => {
      pending = null;
      render();
      if (act.act === 'close') {
        const body = await closeYear(host.client(), act.year, act.asOf ?? '');
        show({ year: act.year, closed: body.closed });
        return closedText(body);
      }
      const said = await reopenYear(host.client(), act.year);
      show({ year: act.year, closed: null });
      return said;
    });
  });

  return { refresh, render };
}
