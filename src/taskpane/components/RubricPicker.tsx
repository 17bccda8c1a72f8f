/**
 * 选择评分细则: a dropdown of rubrics (city, year, annex, 文号, source file), then the chosen one's
 * details, the matters the office must settle itself (officeMustSet, before the workbook is made)
 * and the notes on ambiguous rules.
 */
import { useId, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RubricSummary } from '../controller';
import { useT, type TFunction } from '../i18n';
import { errorText, useShared } from '../styles';
import { RubricSelect } from './RubricSelect';

const useStyles = makeStyles({
  loading: { justifyContent: 'flex-start', minHeight: '32px' },
  option: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0, overflowWrap: 'anywhere' },
  optionMeta: { color: tokens.colorNeutralForeground3 },
  details: {
    display: 'grid',
    gridTemplateColumns: 'minmax(4.5em, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  dt: { color: tokens.colorNeutralForeground3, margin: 0 },
  dd: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
  noteHeader: { overflowWrap: 'anywhere', textAlign: 'start' },
  noteBadge: { marginInlineEnd: tokens.spacingHorizontalXS, flexShrink: 0 },
  noteText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: `0 0 ${tokens.spacingVerticalS}` },
  notesToggle: {
    paddingLeft: 0,
    fontSize: 'inherit',
    fontWeight: 'inherit',
    minWidth: 0,
  },
});

/** ▸ / ▾ for disclosure buttons (decorative: aria-expanded says the state). */
export function Chevron({ open }: { open: boolean }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path
        d={open ? 'M2 4l4 4 4-4' : 'M4 2l4 4-4 4'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function annexLabel(r: RubricSummary, t: TFunction): string {
  return r.annexNumber ? t('rubric.annex', { number: r.annexNumber }) : '';
}

/** One-line text for the dropdown button and screen readers. */
export function rubricOptionText(r: RubricSummary, t: TFunction): string {
  return [`${r.city} ${r.year}`, annexLabel(r, t), r.annexTitle].filter(Boolean).join(' · ');
}

function aboutLabel(about: string, t: TFunction): string {
  switch (about) {
    case 'general':
      return t('rubric.about.general');
    case 'aggregation':
      return t('rubric.about.aggregation');
    case 'bands':
      return t('rubric.about.bands');
    case 'bonus':
      return t('rubric.about.bonus');
    case 'ranking':
      return t('rubric.about.ranking');
    default:
      return t('rubric.about.indicator', { id: about });
  }
}

function snippet(text: string, max = 26): string {
  const end = text.search(/[。；;!?！？]/);
  const first = end >= 0 ? text.slice(0, end + 1) : text;
  return first.length > max ? `${first.slice(0, max)}…` : first;
}

export function RubricPicker({
  rubrics,
  loadError = null,
  selectedId,
  onSelect,
}: {
  /** null while the rubric library is still loading. */
  rubrics: RubricSummary[] | null;
  /** Why the rubric library could not be loaded (shown instead of the list). */
  loadError?: unknown;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const headingId = useId();
  const selected = rubrics?.find((r) => r.id === selectedId) ?? null;

  return (
    <section aria-labelledby={headingId} aria-busy={rubrics === null} className={shared.section}>
      <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading}>
        {t('rubric.heading')}
      </Text>
      {rubrics === null ? (
        <Spinner size="tiny" labelPosition="after" label={t('rubric.loading')} className={styles.loading} />
      ) : loadError ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={shared.wrap}>
            <MessageBarTitle>{t('rubric.loadFailed')}</MessageBarTitle>
            {errorText(loadError, t('error.unknown'))}
          </MessageBarBody>
        </MessageBar>
      ) : rubrics.length === 0 ? (
        <Text as="p" block className={shared.hint}>
          {t('rubric.none')}
        </Text>
      ) : (
        <RubricSelect
          label={t('rubric.label')}
          placeholder={t('rubric.placeholder')}
          selectedId={selected?.id ?? null}
          onSelect={onSelect}
          options={rubrics.map((r) => ({
            id: r.id,
            text: rubricOptionText(r, t),
            content: (
              <span className={styles.option}>
                <Text weight="semibold">
                  {r.city} · {r.year}
                  {r.annexNumber ? ` · ${annexLabel(r, t)}` : ''}
                  {r.imported ? ` · ${t('rubric.imported')}` : ''}
                </Text>
                <Text size={200}>{r.annexTitle}</Text>
                <Text size={200} className={styles.optionMeta}>
                  {r.documentNumber ?? t('rubric.details.noDocument')}
                </Text>
              </span>
            ),
          }))}
        />
      )}
      {selected && <RubricDetails key={selected.id} rubric={selected} />}
    </section>
  );
}

export function RubricDetails({ rubric }: { rubric: RubricSummary }) {
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const notesId = useId();
  const notesHintId = useId();
  // 25 notes make a long list in a narrow pane: folded until asked for (the count is always shown).
  const [notesOpen, setNotesOpen] = useState(false);
  const rows: [string, string][] = [
    [t('rubric.details.city'), rubric.city],
    [t('rubric.details.year'), String(rubric.year)],
    [t('rubric.details.title'), rubric.title],
    [t('rubric.details.annex'), [annexLabel(rubric, t), rubric.annexTitle].filter(Boolean).join(' ')],
    [t('rubric.details.document'), rubric.documentNumber ?? t('rubric.details.noDocument')],
    [t('rubric.details.assessed'), rubric.assessedUnits],
    [t('rubric.details.fullMarks'), String(rubric.fullMarks)],
    [t('rubric.details.groups'), rubric.groups.map((g) => g.id).join(t('list.sep'))],
    [t('rubric.details.version'), rubric.imported ? `${rubric.version}（${t('rubric.imported')}）` : rubric.version],
  ];

  return (
    <>
      {rubric.office && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={shared.wrap}>{t('rubric.office')}</MessageBarBody>
        </MessageBar>
      )}
      {rubric.officeMustSet.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('rubric.mustSet.title', { count: rubric.officeMustSet.length })}</MessageBarTitle>
            <ol className={shared.list}>
              {rubric.officeMustSet.map((m, i) => (
                <li key={i} className={shared.wrap}>
                  {m}
                </li>
              ))}
            </ol>
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.details}>
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt className={styles.dt}>{k}</dt>
            <dd className={styles.dd}>{v}</dd>
          </div>
        ))}
      </dl>
      {rubric.notes.length === 0 ? (
        <>
          <Text as="h3" size={300} weight="semibold" className={shared.heading}>
            {t('rubric.notes.heading', { count: 0 })}
          </Text>
          <Text as="p" block className={shared.hint}>
            {t('rubric.notes.none')}
          </Text>
        </>
      ) : (
        <>
          <Text as="h3" size={300} weight="semibold" className={shared.heading}>
            <Button
              appearance="subtle"
              className={styles.notesToggle}
              icon={<Chevron open={notesOpen} />}
              aria-expanded={notesOpen}
              aria-controls={notesId}
              aria-describedby={notesHintId}
              onClick={() => setNotesOpen((o) => !o)}
            >
              {t('rubric.notes.heading', { count: rubric.notes.length })}
            </Button>
          </Text>
          <Text id={notesHintId} as="p" block size={200} className={shared.hint}>
            {t('rubric.notes.hint')}
          </Text>
          <div id={notesId} hidden={!notesOpen}>
            {notesOpen && (
              <Accordion multiple collapsible>
                {rubric.notes.map((n) => (
                  <AccordionItem key={n.id} value={n.id}>
                    <AccordionHeader size="small" className={styles.noteHeader}>
                      <Badge appearance="tint" size="small" className={styles.noteBadge}>
                        {aboutLabel(n.about, t)}
                      </Badge>
                      {snippet(n.text)}
                    </AccordionHeader>
                    <AccordionPanel>
                      <Text as="p" block className={styles.noteText}>
                        {n.text}
                      </Text>
                    </AccordionPanel>
                  </AccordionItem>
                ))}
              </Accordion>
            )}
          </div>
        </>
      )}
    </>
  );
}
