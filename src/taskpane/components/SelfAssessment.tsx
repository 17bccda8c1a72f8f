/**
 * 自评: 「生成自评表」 (a .zip of one form per unit) and 「收回自评表」 (several returned forms →
 * imported / refused with their reasons / not returned). Inside Excel both work on the open workbook;
 * in the page without Excel a score workbook file is chosen first (controller.selfAssessmentNeedsWorkbook),
 * the merged workbook is downloaded and 导出附件（含佐证材料清单） is offered. The 核查清单 shown is the
 * latest one: from this collect, or from the status (a merged workbook scored in file mode).
 * The work is the controller's (makeForms, collectForms, annexWithEvidence): no host logic here.
 */
import { useId, useRef, useState } from 'react';
import { Button, Checkbox, Label, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import type { Controller, EvidenceAnnex, FormsCollected, HeldWorkbook, ReviewItem, WorkbookStatus } from '../controller';
import { useT } from '../i18n';
import { useAsyncAction } from '../hooks';
import { errorText, useShared } from '../styles';
import { FilePicker } from './FilePicker';
import { ReviewList } from './ReviewList';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

function importedLine(a: FormsCollected['imported'][number]) {
  if (a.prefilled === undefined)
    return { key: a.replaced ? ('self.importedReplaced' as const) : ('self.importedItem' as const), prefilled: 0 };
  return { key: a.replaced ? ('self.importedPrefilledReplaced' as const) : ('self.importedPrefilled' as const), prefilled: a.prefilled };
}

function Summary({ summary }: { summary: FormsCollected }) {
  const t = useT();
  const shared = useShared();
  const sep = t('list.sep');
  return (
    <MessageBar intent={summary.refused.length ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody className={shared.wrap}>
        <Text as="p" block>
          {summary.fileName ? t('self.collected', { name: summary.fileName }) : t('self.collectedLive')}
        </Text>
        <Text as="p" block weight="semibold">
          {t('self.imported', { count: summary.imported.length })}
        </Text>
        <ul className={shared.list}>
          {summary.imported.map((a) => {
            const line = importedLine(a);
            const vars = { unit: a.unit, file: a.file, changes: a.changes };
            return (
              <li key={a.file}>
                {line.key === 'self.importedPrefilled' || line.key === 'self.importedPrefilledReplaced'
                  ? t(line.key, { ...vars, prefilled: line.prefilled })
                  : t(line.key, vars)}
              </li>
            );
          })}
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

export function SelfAssessment({ controller, status }: { controller: Controller; status: WorkbookStatus }) {
  const t = useT();
  const shared = useShared();
  const headingId = useId();
  const formsId = useId();
  const formsHintId = useId();
  const summaryHintId = useId();
  const formsInput = useRef<HTMLInputElement>(null);
  const [workbook, setWorkbook] = useState<File | null>(null);
  const [replace, setReplace] = useState(false);
  const [made, setMade] = useState<{ fileName: string; count: number } | null>(null);
  const [summary, setSummary] = useState<FormsCollected | null>(null);
  // The 核查清单 of this section's last action, with the status's one as it was then: a merged
  // workbook scored in file mode afterwards brings its own, which is then the latest.
  // With the workbook it came from, into which the page writes typed 核减原因 (ReviewList).
  const [own, setOwn] = useState<{ items: ReviewItem[]; statusReview?: ReviewItem[]; source?: HeldWorkbook } | null>(null);
  const fromStatus = Boolean(status.review && status.review !== own?.statusReview);
  const review = fromStatus ? status.review! : (own?.items ?? null);

  const needsWorkbook = Boolean(controller.selfAssessmentNeedsWorkbook);
  const ready = !needsWorkbook || workbook !== null;
  const make = useAsyncAction(async () => {
    if (!ready || !controller.makeForms) return;
    setMade(await controller.makeForms(workbook ?? undefined));
  });
  // 汇总's 自评 columns: Excel sets them on the open workbook at once; the page records them in the merged workbook.
  const [summarySelf, setSummarySelf] = useState(false);
  const toggleSummary = useAsyncAction(async (on: boolean) => {
    if (controller.setSummarySelf) await controller.setSummarySelf(on);
    else setSummarySelf(on);
  });
  const collect = useAsyncAction(async (forms: File[]) => {
    if (!ready || !controller.collectForms) return;
    const choice = controller.setSummarySelf ? undefined : { summarySelf };
    const out = await controller.collectForms(forms, replace, workbook ?? undefined, choice);
    setSummary(out);
    setOwn(out.review ? { items: out.review, statusReview: status.review, source: out.merged } : null);
  });
  const [annexed, setAnnexed] = useState<EvidenceAnnex | null>(null);
  const [comparison, setComparison] = useState(false);
  // The page: of a merged workbook file; Excel: of the open workbook (its 核查清单 is the status's).
  const annex = useAsyncAction(async (file?: File) => {
    if (!controller.annexWithEvidence) return;
    const out = await controller.annexWithEvidence(file, { comparison });
    setAnnexed(out);
    setSummary(null);
    if (file) setOwn({ items: out.review, statusReview: status.review, source: { name: file.name, bytes: file } });
  });
  const busy = make.busy || collect.busy || annex.busy || toggleSummary.busy;
  if (!controller.makeForms || !controller.collectForms) return null;

  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading}>
        {t('self.heading')}
      </Text>
      <Text as="p" size={200} className={shared.hint}>
        {needsWorkbook ? t('self.body') : t('self.bodyExcel')}
      </Text>
      {needsWorkbook && (
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
      )}
      <div className={shared.row}>
        <Button appearance="primary" disabled={!ready || busy} onClick={() => void make.run()}>
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
        disabled={!ready || busy}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          if (files.length === 0) return;
          void collect.run(files).finally(() => {
            if (formsInput.current) formsInput.current.value = '';
          });
        }}
      />
      <div className={shared.row}>
        <Button disabled={!ready || busy} aria-describedby={formsHintId} onClick={() => formsInput.current?.click()}>
          {t('self.formsLabel')}
        </Button>
      </div>
      <Checkbox checked={replace} disabled={busy} onChange={(_, d) => setReplace(Boolean(d.checked))} label={t('self.replace')} />
      <Text id={formsHintId} size={200} className={shared.hint}>
        {t('self.formsHint')}
      </Text>
      <Checkbox
        checked={controller.setSummarySelf ? Boolean(status.summarySelf) : summarySelf}
        disabled={busy || !ready}
        onChange={(_, d) => void toggleSummary.run(Boolean(d.checked))}
        label={t('self.summarySelf')}
        aria-describedby={summaryHintId}
      />
      <Text id={summaryHintId} size={200} className={shared.hint}>
        {t('self.summarySelfHint')}
      </Text>
      {toggleSummary.busy && <Spinner size="tiny" label={t('self.summarySelfBusy')} />}
      {toggleSummary.failed && <Failure title={t('self.summarySelfError')} error={toggleSummary.error} fallback={t('error.unknown')} />}
      {collect.busy && <Spinner size="tiny" label={t('self.collecting')} />}
      {collect.failed && <Failure title={t('self.collectError')} error={collect.error} fallback={t('error.unknown')} />}
      {summary && !collect.busy && <Summary summary={summary} />}
      {controller.annexWithEvidence && (
        <>
          <Checkbox
            checked={comparison}
            disabled={busy}
            onChange={(_, d) => setComparison(Boolean(d.checked))}
            label={t('self.comparison')}
          />
          {needsWorkbook ? (
            <FilePicker
              label={t('self.evidenceLabel')}
              hint={t('self.evidenceHint')}
              accept={XLSX_ACCEPT}
              disabled={busy}
              onFile={(file) => annex.run(file)}
            />
          ) : (
            <>
              <div className={shared.row}>
                <Button disabled={busy} onClick={() => void annex.run()}>
                  {t('self.evidenceExcel')}
                </Button>
              </div>
              <Text size={200} className={shared.hint}>
                {t('self.evidenceHint')}
              </Text>
            </>
          )}
          {annex.busy && <Spinner size="tiny" label={t('self.evidenceBusy')} />}
          {annexed && !annex.busy && (
            <MessageBar intent={annexed.final ? 'success' : 'warning'}>
              <MessageBarBody className={shared.wrap}>
                {annexed.opened
                  ? t(annexed.final ? 'self.evidenceOpenedFinal' : 'self.evidenceOpenedDraft')
                  : t(annexed.final ? 'self.evidenceFinal' : 'self.evidenceDraft', { name: annexed.fileName })}
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
        </>
      )}
      {review && (
        <ReviewList
          items={review}
          live={!needsWorkbook}
          source={fromStatus ? (status.reviewSource ?? null) : own?.source}
          onSaved={(out) => setOwn({ items: out.review, statusReview: status.review, source: out.source })}
        />
      )}
    </section>
  );
}
