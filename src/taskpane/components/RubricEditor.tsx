/**
 * 编辑评分细则: the office writes its rubric in a 细则定义 sheet instead of JSON. Start from blank, the
 * workbook's rubric or a library one; in Excel the sheets are laid out in the workbook and checked
 * after each edit (the refused cells are coloured there and listed here with their address); in a
 * plain browser 细则定义.xlsx is downloaded, filled in any spreadsheet program and uploaded back.
 * 保存为评分细则 makes a good one the selected rubric for 生成评分表 and offers its JSON as a file.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import {
  Button,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Controller, RubricSheetResult, RubricSummary, SavedRubric } from '../controller';
import { WORKBOOK_RUBRIC } from '../../layout/pane-contract';
import { useT } from '../i18n';
import { errorText, useShared } from '../styles';
import { FilePicker } from './FilePicker';
import { rubricOptionText } from './RubricPicker';

const BLANK = ':blank';

const useStyles = makeStyles({
  errors: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  fixLabel: { color: tokens.colorNeutralForeground3 },
});

type Busy = null | 'start' | 'check' | 'save';

export function RubricEditor({
  controller,
  rubrics,
  workbookRubric,
  browser,
  onSaved,
}: {
  controller: Controller;
  rubrics: RubricSummary[] | null;
  workbookRubric: RubricSummary | null;
  browser: boolean;
  onSaved: (r: RubricSummary) => void;
}) {
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const headingId = useId();
  const [fromId, setFromId] = useState<string>(BLANK);
  const [busy, setBusy] = useState<Busy>(null);
  const [started, setStarted] = useState<string | null>(null);
  const [result, setResult] = useState<RubricSheetResult | null>(null);
  const [saved, setSaved] = useState<SavedRubric | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => controller.onRubricSheet?.((r) => setResult(r)), [controller]);
  // A data: address, not a blob: one: nothing to revoke, and it works in every webview that downloads at all.
  const jsonUrl = useMemo(() => (saved ? `data:application/json;charset=utf-8,${encodeURIComponent(saved.json)}` : null), [saved]);

  const { startRubricSheet, checkRubricSheet, saveRubricSheet } = controller;
  if (!startRubricSheet || !checkRubricSheet || !saveRubricSheet) return null;

  const options = [
    { id: BLANK, text: t('editor.blank') },
    ...(workbookRubric ? [{ id: WORKBOOK_RUBRIC, text: t('compare.workbook', { title: rubricOptionText(workbookRubric, t) }) }] : []),
    ...(rubrics ?? []).map((r) => ({ id: r.id, text: rubricOptionText(r, t) })),
  ];
  const from = options.find((o) => o.id === fromId) ?? options[0];

  async function run<T>(what: Exclude<Busy, null>, work: () => Promise<T>): Promise<T | undefined> {
    setBusy(what);
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError(errorText(err, t('error.unknown')));
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  const start = () =>
    run('start', async () => {
      setSaved(null);
      setStarted(await startRubricSheet.call(controller, from.id === BLANK ? null : from.id));
    });
  const check = (file?: File) =>
    run('check', async () => {
      setSaved(null);
      setResult(await checkRubricSheet.call(controller, file));
    });
  const save = () =>
    run('save', async () => {
      const s = await saveRubricSheet.call(controller);
      setSaved(s);
      onSaved(s.rubric);
    });

  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading}>
        {t('editor.heading')}
      </Text>
      <Text as="p" block size={200} className={shared.hint}>
        {browser ? t('editor.hintBrowser') : t('editor.hintExcel')}
      </Text>
      <Field label={t('editor.from')}>
        <Dropdown
          className={shared.fullWidth}
          value={from.text}
          selectedOptions={[from.id]}
          onOptionSelect={(_, data) => data.optionValue && setFromId(data.optionValue)}
        >
          {options.map((o) => (
            <Option key={o.id} value={o.id} text={o.text}>
              {o.text}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={shared.row}>
        <Button appearance="primary" disabled={busy !== null} onClick={() => void start()}>
          {browser ? t('editor.download') : t('editor.layOut')}
        </Button>
        {!browser && (
          <Button disabled={busy !== null} onClick={() => void check()}>
            {t('editor.check')}
          </Button>
        )}
      </div>
      {browser && (
        <FilePicker
          label={t('editor.upload')}
          hint={t('editor.uploadHint')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy !== null}
          onFile={(f) => check(f)}
        />
      )}
      {busy && <Spinner size="tiny" label={t(`editor.busy.${busy}`)} />}
      {started && !error && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={shared.wrap}>{started}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={shared.wrap}>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && !result.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('editor.errors', { count: result.errors.length })}</MessageBarTitle>
            <ol className={styles.errors} aria-label={t('editor.errorsLabel')}>
              {result.errors.map((e, i) => (
                <li key={i} className={shared.wrap}>
                  <span className={styles.cell}>
                    {e.sheet}!{e.cell}
                  </span>
                  ：{e.message} <span className={styles.fixLabel}>{t('import.fix')}</span>
                  {e.fix}
                </li>
              ))}
            </ol>
          </MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && !saved && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={shared.wrap}>
            <MessageBarTitle>{t('editor.ok', { title: rubricOptionText(result.rubric, t) })}</MessageBarTitle>
            {t('editor.officeOwn')}
          </MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && !saved && (
        <div className={shared.row}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void save()}>
            {t('editor.save')}
          </Button>
        </div>
      )}
      {saved && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={shared.wrap}>
            <MessageBarTitle>
              {t(browser ? 'editor.savedBrowser' : 'editor.savedExcel', { title: rubricOptionText(saved.rubric, t) })}
            </MessageBarTitle>
            {jsonUrl && (
              <Link href={jsonUrl} download={saved.fileName}>
                {t('editor.downloadJson', { file: saved.fileName })}
              </Link>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
