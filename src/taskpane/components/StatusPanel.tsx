/**
 * 评分状态: shown once a workbook is bound. Summary, notices, the 重新计分 / 导出附件 buttons, a
 * compact per-unit table (fits a 320 px pane; scrolls sideways on its own if it must) and the 问题清单.
 * Everything here is rendered from WorkbookStatus as given; nothing is computed but counts.
 */
import { useId, type Ref } from 'react';
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { Controller, UnitStatus, WorkbookStatus } from '../controller';
import { useI18n } from '../i18n';
import { useShared } from '../styles';
import { ProblemList } from './ProblemList';
import { WorkbookActions } from './WorkbookActions';
import { rubricOptionText } from './RubricPicker';

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    // Long rosters scroll inside the table (header and unit column stay put) instead of pushing
    // the problem list far down the pane.
    overflowY: 'auto',
    maxHeight: '60vh',
    maxWidth: '100%',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
  },
  // Fits a 320–360 px pane: five short columns, the unit's group and 标注 under its name; the
  // table still scrolls sideways on its own where a long band or a large font needs it.
  table: { width: '100%', tableLayout: 'auto' },
  /** The unit column stays in view while the table scrolls sideways. */
  sticky: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset -1px 0 0 ${tokens.colorNeutralStroke2}`,
  },
  /** The unit's group and 标注, under its name. */
  unitNote: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  stickyHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    // The rule under the header: drawn over the whole cell (the cell's inner button would cover an
    // inset shadow), and a border would scroll away with the rows.
    '::after': {
      content: '""',
      position: 'absolute',
      left: 0,
      right: 0,
      bottom: 0,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      pointerEvents: 'none',
    },
  },
  /** Numeric columns: the heading sits over the right-aligned numbers. */
  numHead: {
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end', textAlign: 'end' },
  },
  corner: { left: 0, zIndex: 3 },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  unit: { minWidth: '5em', overflowWrap: 'anywhere' },
  incomplete: { color: tokens.colorPaletteDarkOrangeForeground1 },
  notices: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const DASH = '—';

function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return d.toLocaleString();
  }
}

export function StatusPanel({
  controller,
  status,
  headingRef,
  fileMode = false,
}: {
  controller: Controller;
  status: WorkbookStatus;
  /** App moves focus here once a workbook has been created. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The status of a scored file (plain browser): there is no workbook to rescore, export from or select cells in. */
  fileMode?: boolean;
}) {
  const { t, lang } = useI18n();
  const shared = useShared();
  const styles = useStyles();
  const headingId = useId();
  const tableHeadingId = useId();
  const complete = status.units.filter((u) => u.complete).length;
  const groupLabel = (id: string) => status.rubric?.groups.find((g) => g.id === id)?.label ?? id;
  // One ranking group (most rubrics): it would repeat on every row, so it is left out.
  const showGroup = new Set(status.units.map((u) => u.group)).size > 1 || (status.rubric?.groups.length ?? 0) > 1;
  // A document that does not rank (鹤岗): the ranks are for reference only.
  const rankHeading = status.rubric?.rankPurpose === 'reference' ? t('status.col.rankReference') : t('status.col.rank');

  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading} ref={headingRef} tabIndex={-1}>
        {t('status.heading')}
      </Text>
      {status.rubric && (
        <Text size={200} className={shared.wrap}>
          {t('status.rubric', { title: rubricOptionText(status.rubric, t) })}
        </Text>
      )}
      <Text role="status" weight="semibold">
        {t('status.summary', { complete, total: status.units.length })}
      </Text>
      <Text size={200} className={shared.hint}>
        {status.lastScoredAt ? t('status.lastScored', { time: formatTime(status.lastScoredAt, lang) }) : t('status.notScored')}
      </Text>

      {status.notices.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('status.notices')}</MessageBarTitle>
            <ul className={styles.notices}>
              {status.notices.map((n, i) => (
                <li key={i} className={shared.wrap}>
                  {n}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {!fileMode && <WorkbookActions controller={controller} />}

      <Text as="h3" size={300} weight="semibold" id={tableHeadingId} className={shared.heading}>
        {t('status.tableHeading')}
      </Text>
      {status.units.length === 0 ? (
        <Text className={shared.hint}>{t('status.empty')}</Text>
      ) : (
        // A focusable region so keyboard users can scroll the table sideways.
        <div role="region" aria-labelledby={tableHeadingId} tabIndex={0} className={styles.scroller}>
          <Table size="extra-small" className={styles.table} aria-labelledby={tableHeadingId}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={mergeClasses(styles.stickyHead, styles.corner)}>{t('status.col.unit')}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.stickyHead, styles.numHead)}>{t('status.col.progress')}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.stickyHead, styles.numHead)}>{t('status.col.score')}</TableHeaderCell>
                <TableHeaderCell className={styles.stickyHead}>{t('status.col.band')}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.stickyHead, styles.numHead)}>{rankHeading}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {status.units.map((u) => (
                <UnitRow key={u.key} unit={u} groupLabel={showGroup ? groupLabel(u.group) : null} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <ProblemList controller={controller} problems={status.problems} selectable={!fileMode} />
    </section>
  );
}

function UnitRow({ unit: u, groupLabel: label }: { unit: UnitStatus; groupLabel: string | null }) {
  const { t } = useI18n();
  const styles = useStyles();
  // The group (where there are several) and the 标注 go under the name: two columns fewer.
  const note = [label, ...u.labels].filter((x): x is string => Boolean(x)).join(t('list.sep'));
  return (
    <TableRow>
      <TableCell className={mergeClasses(styles.unit, styles.sticky)}>
        {u.name}
        {note && <span className={styles.unitNote}>{note}</span>}
      </TableCell>
      <TableCell className={u.complete ? styles.num : mergeClasses(styles.num, styles.incomplete)}>
        {t('status.progressCell', { filled: u.filled, expected: u.expected })}
      </TableCell>
      <TableCell className={styles.num}>{u.final === null ? DASH : String(u.final)}</TableCell>
      <TableCell className={styles.nowrap}>{u.band ?? DASH}</TableCell>
      <TableCell className={styles.num}>{u.rank === null ? DASH : String(u.rank)}</TableCell>
    </TableRow>
  );
}
