/**
 * The 核查清单 in the page: every item whose 核定分 differs from the unit's 自评分, with the
 * difference and the 核减原因 typed in the workbook, or 「缺核减原因」 (which keeps the result a draft).
 * A list rather than a table: the pane is 320–450 px wide.
 *
 * Where the page holds the workbook (`source`: the merged workbook of 收回自评表, the one chosen
 * for 导出附件, or a merged workbook opened in file mode), each line has a 核减原因 box: 「写入核减原因并下载评分表」 scores the workbook again
 * with the reasons written into its 核查清单 sheet and downloads it (browser-self-assessment.ts
 * saveReasons). A typed reason stays in its box until it is in a downloaded workbook; the file's own
 * reasons are kept, an empty box never clears one.
 */
import { useId, useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReviewItem } from '../../layout/status';
import type { ReasonsSaved, ReviewSource } from '../../xlsx/browser-self-assessment';
import { useT } from '../i18n';
import { useAsyncAction } from '../hooks';
import { errorText, useShared } from '../styles';

const useStyles = makeStyles({
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const load = () => import(/* webpackChunkName: "self-assessment" */ '../../xlsx/browser-self-assessment');

/** A typed reason belongs to the unit and item it was typed for (the key alone repeats across workbooks). */
const draftKey = (d: ReviewItem) => `${d.key ?? ''}|${d.unit}|${d.item}`;

export function ReviewList({
  items,
  source,
  onSaved,
  live = false,
}: {
  items: ReviewItem[];
  /** The workbook the reasons are written into; without it the list is read-only. */
  source?: ReviewSource | null;
  onSaved?: (out: ReasonsSaved) => void;
  /** In Excel: reasons typed in the open workbook's 核查清单 are read as they are typed. */
  live?: boolean;
}) {
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const headingId = useId();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<{ fileName: string; final: boolean; source: ReviewSource } | null>(null);
  const editable = Boolean(source) && items.some((d) => d.key);
  const reasonOf = (d: ReviewItem) => drafts[draftKey(d)] ?? d.reason;
  const save = useAsyncAction(async () => {
    if (!source) return;
    const reasons: Record<string, string> = {};
    for (const d of items) if (d.key && reasonOf(d).trim()) reasons[d.key] = reasonOf(d).trim();
    const out = await (await load()).saveReasons(source, reasons);
    // Written and downloaded: the boxes now show what the workbook holds.
    setDrafts({});
    setSaved({ fileName: out.fileName, final: out.final, source: out.source });
    onSaved?.(out);
  });
  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h3" size={300} weight="semibold" id={headingId} className={shared.heading}>
        {t('self.reviewHeading', { count: items.length })}
      </Text>
      <Text as="p" size={200} className={shared.hint}>
        {t(editable ? 'self.reviewHintEditable' : live ? 'self.reviewHintLive' : 'self.reviewHint')}
      </Text>
      {items.length === 0 ? (
        <Text as="p">{t('self.reviewNone')}</Text>
      ) : (
        <ul className={shared.list}>
          {items.map((d) => (
            <li key={draftKey(d)} className={shared.wrap}>
              <Text weight="semibold">
                {d.unit} · {d.item}
              </Text>
              <br />
              <Text size={200}>
                {t('self.reviewScores', {
                  self: d.self ?? t('self.reviewBlank'),
                  verified: d.verified ?? '',
                  difference: d.difference ?? '—',
                })}
              </Text>
              <br />
              {editable && d.key ? (
                <Field
                  label={t('self.reasonLabel', { unit: d.unit, item: d.item })}
                  validationState={reasonOf(d).trim() ? 'none' : 'error'}
                  validationMessage={reasonOf(d).trim() ? undefined : t('self.noReason')}
                >
                  <Textarea
                    value={reasonOf(d)}
                    disabled={save.busy}
                    resize="vertical"
                    onChange={(_, v) => setDrafts((old) => ({ ...old, [draftKey(d)]: v.value }))}
                  />
                </Field>
              ) : d.reason.trim() ? (
                <Text size={200}>{t('self.reason', { reason: d.reason })}</Text>
              ) : (
                <Text size={200} className={styles.missing}>
                  {t('self.noReason')}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && items.length > 0 && (
        <div className={shared.row}>
          <Button appearance="primary" disabled={save.busy} onClick={() => void save.run()}>
            {t('self.saveReasons')}
          </Button>
        </div>
      )}
      {save.busy && <Spinner size="tiny" label={t('self.savingReasons')} />}
      {/* Said for the workbook just written only: another workbook's list does not show it. */}
      {saved && saved.source === source && !save.busy && !save.failed && (
        <MessageBar intent={saved.final ? 'success' : 'warning'}>
          <MessageBarBody className={shared.wrap}>
            {t(saved.final ? 'self.reasonsSavedFinal' : 'self.reasonsSavedDraft', { name: saved.fileName })}
          </MessageBarBody>
        </MessageBar>
      )}
      {save.failed && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={shared.wrap}>
            <MessageBarTitle>{t('self.saveReasonsError')}</MessageBarTitle>
            {errorText(save.error, t('error.unknown'))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
