/**
 * 比较评分细则: choose the base (the open workbook's rubric, or any rubric of the library) and a
 * rubric file; the pane lists what the file changes, in the order of the document (src/rubric/diff.ts,
 * through controller.compareRubric). An invalid file lists its errors like 导入评分细则.
 */
import { useId, useState } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CompareResult, Controller, RubricSummary } from '../controller';
import { WORKBOOK_RUBRIC } from '../../layout/pane-contract';
import { useT } from '../i18n';
import { readFileText } from '../hooks';
import { errorText, useShared } from '../styles';
import { FilePicker } from './FilePicker';
import { rubricOptionText } from './RubricPicker';
import { RubricSelect } from './RubricSelect';

const useStyles = makeStyles({
  changes: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  where: { fontWeight: tokens.fontWeightSemibold },
});

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string }
  | { kind: 'done'; file: string; result: CompareResult }
  | { kind: 'error'; message: string };

export function RubricCompare({
  controller,
  rubrics,
  workbookRubric,
}: {
  controller: Controller;
  rubrics: RubricSummary[] | null;
  /** The open workbook's rubric (Excel, bound): offered first as the base. */
  workbookRubric: RubricSummary | null;
}) {
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const headingId = useId();
  const [baseId, setBaseId] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const compare = controller.compareRubric?.bind(controller);
  if (!compare) return null;

  const options: { id: string; text: string }[] = [
    ...(workbookRubric ? [{ id: WORKBOOK_RUBRIC, text: t('compare.workbook', { title: rubricOptionText(workbookRubric, t) }) }] : []),
    ...(rubrics ?? []).map((r) => ({ id: r.id, text: rubricOptionText(r, t) })),
  ];
  const base = options.find((o) => o.id === baseId) ?? options[0] ?? null;

  async function onFile(file: File) {
    if (!base || !compare) return;
    setState({ kind: 'reading', file: file.name });
    try {
      const text = await readFileText(file);
      setState({ kind: 'done', file: file.name, result: await compare(base.id, file.name, text) });
    } catch (err) {
      setState({ kind: 'error', message: errorText(err, t('error.unknown')) });
    }
  }

  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading}>
        {t('compare.heading')}
      </Text>
      <RubricSelect
        label={t('compare.base')}
        disabled={!options.length}
        options={options}
        selectedId={base?.id ?? null}
        onSelect={(id) => {
          setBaseId(id);
          setState({ kind: 'idle' });
        }}
      />
      <FilePicker label={t('compare.label')} hint={t('compare.hint')} accept=".json,application/json" disabled={!base} onFile={onFile} />
      {state.kind === 'reading' && <Spinner size="tiny" label={t('import.reading')} />}
      {state.kind === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={shared.wrap}>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'done' && !state.result.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('import.failed', { file: state.file, count: state.result.errors.length })}</MessageBarTitle>
            <ol className={styles.changes}>
              {state.result.errors.map((e, i) => (
                <li key={i} className={shared.wrap}>
                  {e.path || t('import.root')}：{e.message} {t('import.fix')}
                  {e.fix}
                </li>
              ))}
            </ol>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'done' && state.result.ok && (
        <MessageBar intent={state.result.changes.length ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {state.result.changes.length ? t('compare.changes', { count: state.result.changes.length }) : t('compare.same')}
            </MessageBarTitle>
            <Text as="p" block size={200} className={shared.wrap}>
              {t('compare.sides', { base: state.result.base, other: state.result.other })}
            </Text>
            {state.result.changes.length > 0 && (
              <ol className={styles.changes} aria-label={t('compare.listLabel')}>
                {state.result.changes.map((c, i) => (
                  <li key={i} className={shared.wrap}>
                    <span className={styles.where}>{c.where}</span>：{c.what}
                  </li>
                ))}
              </ol>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
