/** The list of errors, warnings and conflicts: each item selects its cell when clicked. */
import type { RowView } from '../../shared/wire/rows';
import { specOf } from '../sheet/columns';
import { storedRowLines } from '../sheet/display';
import type { Issue } from '../sheet/issues';
import { t, type Lang } from './i18n';

export interface IssueActions {
  select(issue: Issue): void;
  resolve(issue: Issue, choice: 'keepMine' | 'takeServer'): void;
}

/** The stored row's fields as "header: value" lines, as the sheet shows them. */
export function serverValueLines(issue: Pick<Issue, 'kind'>, current: RowView): string[] {
  return storedRowLines(specOf(issue.kind), current);
}

/** An issue's message in the pane's language (the sheet's status column stays Vietnamese). */
export function issueMessage(issue: Pick<Issue, 'message' | 'en'>, lang: Lang): string {
  return lang === 'en' && issue.en ? issue.en : issue.message;
}

export function renderIssues(doc: Document, list: HTMLElement, issues: readonly Issue[], lang: Lang, actions: IssueActions): void {
  list.replaceChildren();
  if (!issues.length) {
    const li = doc.createElement('li');
    li.className = 'empty';
    li.textContent = t(lang, 'noIssues');
    list.append(li);
    return;
  }
  for (const issue of issues) {
    const li = doc.createElement('li');
    li.className = `issue ${issue.severity}`;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'issue-link';
    const badge = doc.createElement('span');
    badge.className = 'badge';
    badge.textContent = t(lang, issue.severity);
    const where = doc.createElement('span');
    where.className = 'where';
    where.textContent = issue.cell ? `${issue.sheet} · ${t(lang, 'cell')} ${issue.cell}` : `${issue.sheet}, ${t(lang, 'row')} ${issue.row + 1}`;
    const message = doc.createElement('span');
    message.className = 'message';
    message.textContent = issueMessage(issue, lang);
    button.append(badge, where, message);
    button.addEventListener('click', () => actions.select(issue));
    li.append(button);
    if (issue.severity === 'conflict') {
      const box = doc.createElement('div');
      box.className = 'conflict-box';
      const title = doc.createElement('div');
      title.className = 'conflict-title';
      title.textContent = issue.current ? t(lang, 'serverValues') : t(lang, 'deletedOnServer');
      box.append(title);
      if (issue.current) {
        const values = doc.createElement('ul');
        values.className = 'server-values';
        for (const line of serverValueLines(issue, issue.current)) {
          const v = doc.createElement('li');
          v.textContent = line;
          values.append(v);
        }
        box.append(values);
      }
      const keep = doc.createElement('button');
      keep.type = 'button';
      keep.className = 'secondary keep-mine';
      keep.textContent = t(lang, 'keepMine');
      keep.addEventListener('click', () => actions.resolve(issue, 'keepMine'));
      const take = doc.createElement('button');
      take.type = 'button';
      take.className = 'secondary take-server';
      take.textContent = t(lang, 'takeServer');
      take.addEventListener('click', () => actions.resolve(issue, 'takeServer'));
      box.append(keep, take);
      li.append(box);
    }
    list.append(li);
  }
}
