/**
 * 自评 in the page without Excel: one score workbook chosen, then 「生成自评表」 (a .zip of one form
 * per unit) and 「收回自评表」 (several returned forms → imported / refused with their reasons / not
 * returned, and the merged workbook downloaded). The 核查清单 shown is the latest one: from this
 * collect, or from a merged workbook scored in file mode (status.review).
 * The file work is src/xlsx/browser-self-assessment.ts, loaded with import() when a button is used.
 */
import { useId, useRef, useState } from 'react';
import { Button, Checkbox, Label, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import type { ReviewItem, WorkbookStatus } from '../../layout/status';
import type { AnnexDownload, CollectSummary, ReviewSource } from '../../xlsx/browser-self-assessment';
import { useT } from '../i18n';
import { useAsyncAction } from '../hooks';
import { errorText, useShared } from '../styles';
import { FilePicker } from './FilePicker';
import { ReviewList } from './ReviewList';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const load = () => import(/* webpackChunkName: "self-assessment" */ '../../xlsx/browser-self-assessment');

function Failure({ title, error, fallback }: { title: string; error: unknown; fallback: string }) {
  const shared = useShared();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody className={shared.wrap}>
        <MessageBarTitle>{title}</MessageBarTitle>
        {errorText(error, fallback)}
      </MessageBarBody>
    </MessageBar>
  );
}

function Summary({ summary }: { summary: CollectSummary }) {
  const t = useT();
  const shared = useShared();
  const sep = t('list.sep');
  return (
    <MessageBar intent={summary.refused.length ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody className={shared.wrap}>
        <Text as="p" block>
          {t('self.collected', { name: summary.fileName })}
        </Text>
        <Text as="p" block weight="semibold">
          {t('self.imported', { count: summary.imported.length })}
        </Text>
        <ul className={shared.list}>
          {summary.imported.map((a) => (
            <li key={a.file}>
              {t(a.replaced ? 'self.importedReplaced' : 'self.importedItem', { unit: a.unit, file: a.file, changes: a.changes })}
            </li>
          ))}
        </ul>
        {summary.refused.length > 0 && (
          <>
            <Text as="p" block weight="semibold">
              {t('self.refused', { count: summary.refused.length })}
            </Text>
            <ul className={shared.list}>
              {summary.refused.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
        {summary.earlier.length > 0 && (
          <Text as="p" block>
            {t('self.earlier', { names: summary.earlier.join(sep) })}
          </Text>
        )}
        <Text as="p" block>
          {summary.notReturned.length
            ? t('self.notReturned', { count: summary.notReturned.length, names: summary.notReturned.join(sep) })
            : t('self.allReturned')}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}

export function SelfAssessment({ status }: { status: WorkbookStatus }) {
  const t = useT();
  const shared = useShared();
  const headingId = useId();
  const formsId = useId();
  const formsHintId = useId();
  const formsInput = useRef<HTMLInputElement>(null);
  const [workbook, setWorkbook] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [made, setMade] = useState<{ fileName: string; count: number } | null>(null);
  const [summary, setSummary] = useState<CollectSummary | null>(null);
  // The 核查清单 of this section's last action, with the status's one as it was then: a merged
  // workbook scored in file mode afterwards brings its own, which is then the latest.
  // With the workbook it came from, into which the page writes typed 核减原因 (ReviewList).
  const [own, setOwn] = useState<{ items: ReviewItem[]; statusReview?: ReviewItem[]; source?: ReviewSource } | null>(null);
  const fromStatus = Boolean(status.review && status.review !== own?.statusReview);
  const review = fromStatus ? status.review! : (own?.items ?? null);

  const make = useAsyncAction(async () => {
    if (!workbook) return;
    setMade(await (await load()).downloadForms(workbook));
  });
  const collect = useAsyncAction(async (forms: File[]) => {
    if (!workbook) return;
    const out = await (await load()).collectInBrowser(workbook, forms, replace);
    setSummary(out);
    setOwn({ items: out.review, statusReview: status.review, source: out.merged });
  });
  const [annexed, setAnnexed] = useState<AnnexDownload | null>(null);
  const [comparison, setComparison] = useState(false);
  const annex = useAsyncAction(async (file: File) => {
    const out = await (await load()).annexWithEvidence(file, { comparison });
    setAnnexed(out);
    setSummary(null);
    setOwn({ items: out.review, statusReview: status.review, source: { name: file.name, bytes: file } });
  });
  const busy = make.busy || collect.busy || annex.busy;

  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading}>
        {t('self.heading')}
      </Text>
      <Text as="p" size={200} className={shared.hint}>
        {t('self.body')}
      </Text>
      <FilePicker
        label={t('self.workbookLabel')}
        hint={t('self.workbookHint')}
        accept={XLSX_ACCEPT}
        disabled={busy}
        onFile={(file) => {
          setWorkbook(file);
          setMade(null);
          setSummary(null);
        }}
      />
      <div className={shared.row}>
        <Button appearance="primary" disabled={!workbook || busy} onClick={() => void make.run()}>
          {t('self.makeForms')}
        </Button>
      </div>
      {make.busy && <Spinner size="tiny" label={t('self.making')} />}
      {made && !make.busy && (
        <MessageBar intent="success">
          <MessageBarBody className={shared.wrap}>{t('self.made', { name: made.fileName, count: made.count })}</MessageBarBody>
        </MessageBar>
      )}
      {make.failed && <Failure title={t('self.makeError')} error={make.error} fallback={t('error.unknown')} />}

      <Label htmlFor={formsId}>{t('self.formsLabel')}</Label>
      {/* A plain multiple file input (FilePicker takes one file): the button of the browser's own
          input would speak the browser's language, so a Fluent button opens it. */}
      <input
        ref={formsInput}
        id={formsId}
        type="file"
        multiple
        accept={XLSX_ACCEPT}
        hidden
        aria-describedby={formsHintId}
        disabled={!workbook || busy}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          if (files.length === 0) return;
          void collect.run(files).finally(() => {
            if (formsInput.current) formsInput.current.value = '';
          });
        }}
      />
      <div className={shared.row}>
        <Button disabled={!workbook || busy} aria-describedby={formsHintId} onClick={() => formsInput.current?.click()}>
          {t('self.formsLabel')}
        </Button>
      </div>
      <Checkbox checked={replace} disabled={busy} onChange={(_, d) => setReplace(Boolean(d.checked))} label={t('self.replace')} />
      <Text id={formsHintId} size={200} className={shared.hint}>
        {t('self.formsHint')}
      </Text>
      {collect.busy && <Spinner size="tiny" label={t('self.collecting')} />}
      {collect.failed && <Failure title={t('self.collectError')} error={collect.error} fallback={t('error.unknown')} />}
      {summary && !collect.busy && <Summary summary={summary} />}
      <Checkbox checked={comparison} disabled={busy} onChange={(_, d) => setComparison(Boolean(d.checked))} label={t('self.comparison')} />
      <FilePicker
        label={t('self.evidenceLabel')}
        hint={t('self.evidenceHint')}
        accept={XLSX_ACCEPT}
        disabled={busy}
        onFile={(file) => annex.run(file)}
      />
      {annex.busy && <Spinner size="tiny" label={t('self.evidenceBusy')} />}
      {annexed && !annex.busy && (
        <MessageBar intent={annexed.final ? 'success' : 'warning'}>
          <MessageBarBody className={shared.wrap}>
            {t(annexed.final ? 'self.evidenceFinal' : 'self.evidenceDraft', { name: annexed.fileName })}
            {annexed.comparison && ` ${t('self.comparisonAdded')}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {annexed?.comparisonSkipped && !annex.busy && (
        <MessageBar intent="warning">
          <MessageBarBody className={shared.wrap}>{annexed.comparisonSkipped}</MessageBarBody>
        </MessageBar>
      )}
      {annex.failed && <Failure title={t('self.evidenceError')} error={annex.error} fallback={t('error.unknown')} />}
      {review && (
        <ReviewList
          items={review}
          source={fromStatus ? null : own?.source}
          onSaved={(out) => setOwn({ items: out.review, statusReview: status.review, source: out.source })}
        />
      )}
    </section>
  );
}
