/**
 * Problems and notices the controller reports while no workbook is bound — e.g. the open workbook
 * was made with another rubric version, could not be read, or lost its metadata sheet. Shown above
 * the setup flows; they have no cell to go to, so they are plain text, with the repair button of a
 * problem that offers one (恢复元数据).
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Controller, StatusProblem, WorkbookStatus } from '../controller';
import { useT } from '../i18n';
import { errorText, useShared } from '../styles';

export function WorkbookNotices({ status, controller }: { status: WorkbookStatus; controller?: Controller }) {
  const t = useT();
  const shared = useShared();
  const [busy, setBusy] = useState(false);
  const [repairError, setRepairError] = useState<string | null>(null);
  const { problems, notices } = status;
  if (problems.length === 0 && notices.length === 0) return null;
  const intent = problems.some((p) => p.severity === 'error') ? 'error' : problems.length > 0 ? 'warning' : 'info';

  async function repair(problem: StatusProblem) {
    setRepairError(null);
    setBusy(true);
    try {
      await controller?.repair?.(problem);
    } catch (err) {
      setRepairError(errorText(err, t('error.unknown')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('status.unbound.title')}</MessageBarTitle>
        <ul className={shared.list}>
          {problems.map((p) => (
            <li key={p.id} className={shared.wrap}>
              {p.message}
              {p.action && controller?.repair && (
                <div>
                  <Button appearance="primary" size="small" disabled={busy} onClick={() => void repair(p)}>
                    {p.action.label}
                  </Button>
                </div>
              )}
            </li>
          ))}
          {notices.map((n, i) => (
            <li key={`n${i}`} className={shared.wrap}>
              {n}
            </li>
          ))}
          {repairError && <li className={shared.wrap}>{repairError}</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
