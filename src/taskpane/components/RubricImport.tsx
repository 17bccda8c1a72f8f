/**
 * 导入评分细则: pick a .json rubric file → controller.importRubric(name, text). Errors are listed
 * one per line with the JSON path and how to fix it; success hands the summary back (App selects it).
 */
import { useId, useState } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Controller, ImportResult, RubricSummary } from '../controller';
import { useT } from '../i18n';
import { readFileText } from '../hooks';
import { errorText, useShared } from '../styles';
import { FilePicker } from './FilePicker';

const useStyles = makeStyles({
  errors: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  path: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  fieldName: { color: tokens.colorNeutralForeground3 },
});

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; file: string }
  | { kind: 'ok'; rubric: RubricSummary }
  | { kind: 'failed'; file: string; errors: Extract<ImportResult, { ok: false }>['errors'] }
  | { kind: 'readError'; message: string };

export function RubricImport({
  controller,
  onImported,
  disabled = false,
}: {
  controller: Controller;
  onImported: (r: RubricSummary) => void;
  /** While the rubric library is still loading. */
  disabled?: boolean;
}) {
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const headingId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function onFile(file: File) {
    setState({ kind: 'reading', file: file.name });
    let text: string;
    try {
      text = await readFileText(file);
    } catch (err) {
      setState({ kind: 'readError', message: errorText(err, t('error.unknown')) });
      return;
    }
    let result: ImportResult;
    try {
      result = controller.importRubric(file.name, text);
    } catch (err) {
      setState({ kind: 'readError', message: errorText(err, t('error.unknown')) });
      return;
    }
    if (result.ok) {
      setState({ kind: 'ok', rubric: result.rubric });
      onImported(result.rubric);
    } else {
      setState({ kind: 'failed', file: file.name, errors: result.errors });
    }
  }

  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading}>
        {t('import.heading')}
      </Text>
      <FilePicker label={t('import.label')} hint={t('import.hint')} accept=".json,application/json" disabled={disabled} onFile={onFile} />
      {state.kind === 'reading' && <Spinner size="tiny" label={t('import.reading')} />}
      {state.kind === 'ok' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={shared.wrap}>{t('import.success', { title: state.rubric.annexTitle })}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'readError' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={shared.wrap}>{t('import.readError', { message: state.message })}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('import.failed', { file: state.file, count: state.errors.length })}</MessageBarTitle>
            <ol className={styles.errors} aria-label={t('import.errorsLabel')}>
              {state.errors.map((e, i) => (
                <li key={i} className={shared.wrap}>
                  <div>
                    <span className={styles.fieldName}>{t('import.path')}</span>
                    <span className={styles.path}>{e.path || t('import.root')}</span>
                  </div>
                  <div>{e.message}</div>
                  <div>
                    <span className={styles.fieldName}>{t('import.fix')}</span>
                    {e.fix}
                  </div>
                </li>
              ))}
            </ol>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
