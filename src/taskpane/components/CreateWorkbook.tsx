/**
 * 生成评分表: the primary button, a progress bar (已完成 X / 共 Y 个单位) while the controller lays out
 * the workbook, a 取消 button wired to an AbortController, and the outcome in a MessageBar.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Checkbox, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text } from '@fluentui/react-components';
import type { Controller, Progress, RosterEntry, RubricSummary } from '../controller';
import { useT } from '../i18n';
import { errorText, isAbort, useShared } from '../styles';

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; progress: Progress | null }
  | { kind: 'done'; count: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export function CreateWorkbook({
  controller,
  rubric,
  entries,
  rosterIssues,
  onCreated,
}: {
  controller: Controller;
  rubric: RubricSummary | null;
  entries: RosterEntry[];
  rosterIssues: number;
  onCreated?: () => void;
}) {
  const t = useT();
  const shared = useShared();
  const headingId = useId();
  const reasonId = useId();
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const [protect, setProtect] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      abort.current?.abort();
    };
  }, []);

  const running = run.kind === 'running';
  const blockReason = !rubric
    ? t('create.needRubric')
    : entries.length === 0
      ? t('create.needRoster')
      : rosterIssues > 0
        ? t('create.fixRoster', { count: rosterIssues })
        : null;

  async function start() {
    if (!rubric || blockReason || running) return;
    const ac = new AbortController();
    abort.current = ac;
    const roster = entries.map((e) => ({ name: e.name, group: e.group }));
    setRun({ kind: 'running', progress: null });
    try {
      await controller.createWorkbook(
        rubric.id,
        roster,
        (p) => {
          if (mounted.current && !ac.signal.aborted) setRun({ kind: 'running', progress: { ...p } });
        },
        ac.signal,
        { protectComputed: protect },
      );
      if (!mounted.current) return;
      if (ac.signal.aborted) setRun({ kind: 'cancelled' });
      else {
        setRun({ kind: 'done', count: roster.length });
        onCreated?.();
      }
    } catch (err) {
      if (!mounted.current) return;
      if (isAbort(err, ac.signal)) setRun({ kind: 'cancelled' });
      else setRun({ kind: 'error', message: errorText(err, t('error.unknown')) });
    } finally {
      if (abort.current === ac) abort.current = null;
      // The 取消 button disappears: keep keyboard focus on the pane instead of losing it to <body>.
      const active = typeof document !== 'undefined' ? document.activeElement : null;
      if (mounted.current && (active === cancelButton.current || active === document.body)) createButton.current?.focus();
    }
  }

  const progress = run.kind === 'running' ? run.progress : null;
  const total = progress?.total ?? entries.length;

  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading}>
        {t('create.heading')}
      </Text>

      {rubric && rubric.officeMustSet.length > 0 && !running && (
        <Text size={200} className={shared.hint}>
          {t('create.mustSetReminder', { count: rubric.officeMustSet.length })}
        </Text>
      )}

      <Checkbox checked={protect} disabled={running} onChange={(_, d) => setProtect(Boolean(d.checked))} label={t('create.protect')} />
      <div className={shared.row}>
        <Button
          ref={createButton}
          appearance="primary"
          disabledFocusable={Boolean(blockReason) || running}
          aria-describedby={blockReason ? reasonId : undefined}
          onClick={() => void start()}
        >
          {t('create.button')}
        </Button>
        {running && (
          <Button ref={cancelButton} onClick={() => abort.current?.abort()}>
            {t('create.cancel')}
          </Button>
        )}
      </div>
      {blockReason && !running && (
        <Text id={reasonId} size={200} className={shared.hint}>
          {blockReason}
        </Text>
      )}

      {running && (
        <Field
          label={progress ? t('create.progress', { done: progress.done, total }) : t('create.preparing')}
          hint={progress?.phase || undefined}
        >
          <ProgressBar
            thickness="large"
            value={progress && total > 0 ? Math.min(progress.done, total) : undefined}
            max={total > 0 ? total : undefined}
          />
        </Field>
      )}

      {run.kind === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody className={shared.wrap}>{t('create.done', { count: run.count })}</MessageBarBody>
        </MessageBar>
      )}
      {run.kind === 'cancelled' && (
        <MessageBar intent="info">
          <MessageBarBody className={shared.wrap}>{t('create.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {run.kind === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={shared.wrap}>
            <MessageBarTitle>{t('create.error')}</MessageBarTitle>
            {run.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
