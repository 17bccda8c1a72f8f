/**
 * The 核查清单 in the page: every item whose 核定分 differs from the unit's 自评分, with the
 * difference and the 核减原因 typed in the workbook, or 「缺核减原因」 (which keeps the result a draft).
 * A list rather than a table: the pane is 320–450 px wide.
 */
import { useId } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReviewItem } from '../../layout/status';
import { useT } from '../i18n';
import { useShared } from '../styles';

const useStyles = makeStyles({
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function ReviewList({ items }: { items: ReviewItem[] }) {
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h3" size={300} weight="semibold" id={headingId} className={shared.heading}>
        {t('self.reviewHeading', { count: items.length })}
      </Text>
      <Text as="p" size={200} className={shared.hint}>
        {t('self.reviewHint')}
      </Text>
      {items.length === 0 ? (
        <Text as="p">{t('self.reviewNone')}</Text>
      ) : (
        <ul className={shared.list}>
          {items.map((d) => (
            <li key={`${d.unit}|${d.item}`} className={shared.wrap}>
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
              {d.reason.trim() ? (
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
    </section>
  );
}
