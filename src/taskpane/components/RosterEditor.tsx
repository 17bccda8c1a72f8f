/**
 * 被考核单位名单: paste a column of unit names (or "name<TAB>group" from two Excel columns), choose
 * the group for all units or per unit, or fill in the document's own roster. Empty and duplicate
 * names and unknown groups are listed with line numbers; App blocks creation while any remain.
 */
import { useId, useRef, useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RubricSummary } from '../controller';
import { useT, type TFunction } from '../i18n';
import { nameKey, type ResolvedRoster, type RosterIssue } from '../roster';
import { useShared } from '../styles';

const useStyles = makeStyles({
  textarea: { width: '100%', minWidth: 0 },
  issueButton: {
    minWidth: 0,
    height: 'auto',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: 'anywhere',
  },
  perUnit: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    maxHeight: '320px',
    overflowY: 'auto',
  },
  perUnitRow: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(7em, 45%)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  count: { fontWeight: tokens.fontWeightSemibold },
});

export function issueText(issue: RosterIssue, t: TFunction, groups: RubricSummary['groups']): string {
  switch (issue.kind) {
    case 'empty':
      return t('roster.issue.empty', { line: issue.line });
    case 'duplicate':
      return t('roster.issue.duplicate', { lines: issue.lines.join(t('list.sep')), name: issue.name });
    case 'unknownGroup':
      return t('roster.issue.unknownGroup', {
        line: issue.line,
        group: issue.group,
        groups: groups.map((g) => g.id).join(t('list.sep')),
      });
  }
}

function issueLine(issue: RosterIssue): number {
  return issue.kind === 'duplicate' ? (issue.lines[1] ?? issue.lines[0]) : issue.line;
}

/** Selects line `line` (1-based) of a textarea, so the user sees where the problem is. */
function selectLine(el: HTMLTextAreaElement, line: number) {
  const lines = el.value.split('\n');
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
  const end = start + (lines[line - 1]?.length ?? 0);
  el.focus();
  el.setSelectionRange(start, end);
}

export interface RosterEditorProps {
  rubric: RubricSummary | null;
  text: string;
  onTextChange: (text: string) => void;
  defaultGroup: string;
  onDefaultGroupChange: (group: string) => void;
  overrides: Readonly<Record<string, string>>;
  onOverride: (key: string, group: string) => void;
  resolved: ResolvedRoster;
  onUseDefaultRoster: () => void;
}

export function RosterEditor(props: RosterEditorProps) {
  const { rubric, text, resolved } = props;
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const headingId = useId();
  const defaultHintId = useId();
  const issuesId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [perUnitOpen, setPerUnitOpen] = useState(false);
  const perUnitId = useId();
  const groups = rubric?.groups ?? [];
  const issues = resolved.issues;
  const count = resolved.entries.length;

  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading}>
        {t('roster.heading')}
      </Text>

      {rubric?.defaultRoster && rubric.defaultRoster.length > 0 && (
        <div className={shared.row}>
          <Button onClick={props.onUseDefaultRoster} aria-describedby={defaultHintId}>
            {t('roster.useDefault')}
          </Button>
          <Text id={defaultHintId} size={200} className={shared.hint}>
            {t('roster.useDefaultHint', { count: rubric.defaultRoster.length })}
          </Text>
        </div>
      )}

      <Field
        label={t('roster.label')}
        hint={t('roster.hint')}
        validationState={issues.length > 0 ? 'error' : 'none'}
        validationMessage={issues.length > 0 ? t('roster.invalid', { count: issues.length }) : undefined}
      >
        <Textarea
          ref={area}
          className={styles.textarea}
          resize="vertical"
          rows={8}
          value={text}
          spellCheck={false}
          placeholder={t('roster.placeholder')}
          onChange={(_, data) => props.onTextChange(data.value)}
        />
      </Field>

      <Text role="status" aria-live="polite" className={styles.count}>
        {t('roster.count', { count })}
      </Text>

      {issues.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle id={issuesId}>{t('roster.issues.title', { count: issues.length })}</MessageBarTitle>
            <ul className={shared.list} aria-labelledby={issuesId}>
              {issues.map((issue, i) => (
                <li key={i}>
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.issueButton}
                    onClick={() => area.current && selectLine(area.current, issueLine(issue))}
                  >
                    {issueText(issue, t, groups)}
                  </Button>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {rubric && groups.length === 1 && (
        <Text size={200} className={shared.hint}>
          {t('roster.singleGroup', { group: groups[0].id })}
        </Text>
      )}

      {rubric && groups.length > 1 && (
        <>
          <Field label={t('roster.groupAll')} hint={t('roster.groupAllHint')}>
            <Select value={props.defaultGroup} onChange={(_, data) => props.onDefaultGroupChange(data.value)}>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.id}
                </option>
              ))}
            </Select>
          </Field>
          {count > 0 && (
            <div>
              <Button appearance="subtle" aria-expanded={perUnitOpen} aria-controls={perUnitId} onClick={() => setPerUnitOpen((o) => !o)}>
                {perUnitOpen ? t('roster.groupEachHide') : t('roster.groupEach', { count })}
              </Button>
              <ul id={perUnitId} className={perUnitOpen ? styles.perUnit : undefined} hidden={!perUnitOpen}>
                {perUnitOpen &&
                  resolved.entries.map((e, i) => (
                    <li key={`${i}-${e.name}`} className={styles.perUnitRow}>
                      <Text className={shared.wrap} aria-hidden="true">
                        {e.name}
                      </Text>
                      <Select
                        size="small"
                        aria-label={t('roster.groupOf', { name: e.name })}
                        value={e.group}
                        onChange={(_, data) => props.onOverride(nameKey(e.name), data.value)}
                      >
                        {groups.map((g) => (
                          <option key={g.id} value={g.id}>
                            {g.id}
                          </option>
                        ))}
                      </Select>
                    </li>
                  ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
