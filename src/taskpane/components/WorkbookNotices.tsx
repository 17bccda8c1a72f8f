/**
 * Problems and notices the controller reports while no workbook is bound — e.g. the open workbook
 * was made with another rubric version, or could not be read. Shown above the setup flows; they
 * have no cell to go to, so they are plain text.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { WorkbookStatus } from '../controller';
import { useT } from '../i18n';
import { useShared } from '../styles';

export function WorkbookNotices({ status }: { status: WorkbookStatus }) {
  const t = useT();
  const shared = useShared();
  const { problems, notices } = status;
  if (problems.length === 0 && notices.length === 0) return null;
  const intent = problems.some((p) => p.severity === 'error') ? 'error' : problems.length > 0 ? 'warning' : 'info';
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('status.unbound.title')}</MessageBarTitle>
        <ul className={shared.list}>
          {problems.map((p) => (
            <li key={p.id} className={shared.wrap}>
              {p.message}
            </li>
          ))}
          {notices.map((n, i) => (
            <li key={`n${i}`} className={shared.wrap}>
              {n}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
