/**
 * 问题清单: every problem as a button (severity icon + message). Activating one (click, Enter or
 * Space) calls controller.selectProblem, which selects the offending cell in Excel.
 */
import { useId, useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Controller, StatusProblem } from '../controller';
import type { Severity } from '../../scoring/types';
import { useT, type MessageKey } from '../i18n';
import { SeverityIcon } from '../icons';
import { errorText, useShared } from '../styles';

/** How many problems are listed before 显示全部. */
export const PROBLEM_LIMIT = 50;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, missing: 2 };

const SEVERITY_KEY: Record<Severity, Extract<MessageKey, `problems.severity.${string}`>> = {
  error: 'problems.severity.error',
  warning: 'problems.severity.warning',
  missing: 'problems.severity.missing',
};

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  item: {
    width: '100%',
    minWidth: 0,
    height: 'auto',
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalS,
  },
  text: { overflowWrap: 'anywhere', minWidth: 0 },
  severity: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS },
  icon: { paddingTop: '2px', display: 'inline-flex' },
  where: { display: 'block', color: tokens.colorNeutralForeground3 },
});

export function ProblemList({
  controller,
  problems,
  selectable = true,
}: {
  controller: Controller;
  problems: StatusProblem[];
  /** False in file mode: there is no sheet to take the user to, so no 'click to locate' hint. */
  selectable?: boolean;
}) {
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const [selectError, setSelectError] = useState<string | null>(null);

  const sorted = useMemo(
    () =>
      problems
        .map((p, i) => ({ p, i }))
        .sort((a, b) => ORDER[a.p.severity] - ORDER[b.p.severity] || a.i - b.i)
        .map((x) => x.p),
    [problems],
  );
  const shown = showAll ? sorted : sorted.slice(0, PROBLEM_LIMIT);

  async function select(problem: StatusProblem) {
    setSelectError(null);
    try {
      await controller.selectProblem(problem);
    } catch (err) {
      setSelectError(t('problems.selectError', { message: errorText(err, t('error.unknown')) }));
    }
  }

  async function repair(problem: StatusProblem) {
    setSelectError(null);
    try {
      await controller.repair?.(problem);
    } catch (err) {
      setSelectError(errorText(err, t('error.unknown')));
    }
  }

  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h3" size={300} weight="semibold" id={headingId} className={shared.heading}>
        {t('problems.heading', { count: problems.length })}
      </Text>
      {problems.length === 0 ? (
        <Text className={shared.hint}>{t('problems.none')}</Text>
      ) : (
        <>
          {selectable && (
            <Text size={200} className={shared.hint}>
              {t('problems.hint')}
            </Text>
          )}
          <ul className={styles.list} aria-labelledby={headingId}>
            {shown.map((p) => (
              <li key={p.id}>
                <Button
                  appearance="subtle"
                  className={styles.item}
                  icon={
                    <span className={styles.icon}>
                      <SeverityIcon severity={p.severity} />
                    </span>
                  }
                  onClick={() => void select(p)}
                >
                  <span className={styles.text}>
                    <span className={styles.severity}>{t(SEVERITY_KEY[p.severity])}</span>
                    {p.message}
                    {p.target?.sheetName && p.target.address && (
                      <span className={styles.where}>{t('problems.location', { sheet: p.target.sheetName, cell: p.target.address })}</span>
                    )}
                  </span>
                </Button>
                {p.action && controller.repair && (
                  <Button appearance="primary" size="small" onClick={() => void repair(p)}>
                    {p.action.label}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {sorted.length > PROBLEM_LIMIT && (
            <div>
              <Button appearance="secondary" size="small" onClick={() => setShowAll((s) => !s)}>
                {showAll ? t('problems.showFewer', { count: PROBLEM_LIMIT }) : t('problems.showAll', { count: sorted.length })}
              </Button>
            </div>
          )}
        </>
      )}
      {selectError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={shared.wrap}>{selectError}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
