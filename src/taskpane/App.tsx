/**
 * The task pane: composes the flows around one Controller. It holds UI state only (chosen rubric,
 * roster text, language); every piece of work — layout, scoring, export — is the controller's.
 *
 *   excel-too-old → only the version message
 *   browser       → "outside Excel" message + file mode, then the same flows as in Excel, where
 *                   生成评分表 downloads the blank workbook (a complete tool for WPS / LibreOffice offices)
 *   excel         → 评分状态 (when a workbook is bound), then 选择 / 导入评分细则, 名单, 生成评分表
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Controller, RubricSummary } from './controller';
import { I18nProvider, pickLanguage, useI18n, type Lang } from './i18n';
import { useWorkbookStatus } from './hooks';
import { parseRosterText, resolveRoster, rosterToText } from './roster';
import { LanguageToggle } from './components/LanguageToggle';
import { BrowserMode, ExcelTooOld } from './components/HostNotice';
import { RubricPicker } from './components/RubricPicker';
import { RubricImport } from './components/RubricImport';
import { RubricCompare } from './components/RubricCompare';
import { RubricEditor } from './components/RubricEditor';
import { RosterEditor } from './components/RosterEditor';
import { CreateWorkbook } from './components/CreateWorkbook';
import { StatusPanel } from './components/StatusPanel';
import { WorkbookNotices } from './components/WorkbookNotices';
import { SelfAssessment } from './components/SelfAssessment';
import { FormPanel } from './components/FormPanel';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    minWidth: 0,
    maxWidth: '100%',
    overflowX: 'hidden',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  title: { margin: 0 },
  headerEnd: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  main: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, minWidth: 0 },
  setup: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, minWidth: 0 },
  divider: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
});

export interface AppProps {
  controller: Controller;
  /** Shows a banner saying the data is the in-memory demo's. */
  demo?: boolean;
}

export function App({ controller, demo = false }: AppProps) {
  const host = useMemo(() => controller.host(), [controller]);
  const [lang, setLang] = useState<Lang>(() => pickLanguage(host.displayLanguage));
  const setLanguage = useCallback((l: Lang) => setLang(l), []);

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }, [lang]);

  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang} setLang={setLanguage}>
        <Pane controller={controller} demo={demo} lang={lang} />
      </I18nProvider>
    </FluentProvider>
  );
}

function Pane({ controller, demo, lang }: { controller: Controller; demo: boolean; lang: Lang }) {
  const { t } = useI18n();
  const styles = useStyles();
  const host = useMemo(() => controller.host(), [controller]);

  useEffect(() => {
    if (typeof document !== 'undefined') document.title = t('app.title');
  }, [t]);

  return (
    <div lang={lang} className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {t('app.title')}
        </Text>
        <div className={styles.headerEnd}>
          {/* The user guide ships with the site (help/index.html), so this works offline and from file://. */}
          <Link href="help/index.html" target="_blank" rel="noopener">
            {t('app.help')}
          </Link>
          <LanguageToggle />
        </div>
      </header>
      <main className={styles.main}>
        {demo && (
          <MessageBar intent="info">
            <MessageBarBody>{t('app.demoBanner')}</MessageBarBody>
          </MessageBar>
        )}
        {host.mode === 'excel-too-old' ? (
          <ExcelTooOld host={host} />
        ) : (
          <Workflows controller={controller} browser={host.mode === 'browser'} />
        )}
      </main>
    </div>
  );
}

function Workflows({ controller, browser }: { controller: Controller; browser: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  const status = useWorkbookStatus(controller);
  const setupId = useId();

  const [rubricId, setRubricId] = useState<string | null>(null);
  // ---- rubric choice (null while a lazily loaded controller is still arriving: see Controller.whenLoaded)
  const [rubrics, setRubrics] = useState<RubricSummary[] | null>(() => (controller.whenLoaded ? null : safeList(controller)));
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    if (!controller.whenLoaded) return;
    let live = true;
    controller.whenLoaded().then(
      () => {
        if (live) setRubrics(safeList(controller));
      },
      (err: unknown) => {
        if (!live) return;
        setLoadError(err);
        setRubrics([]);
      },
    );
    return () => {
      live = false;
    };
  }, [controller]);
  const rubric = rubrics?.find((r) => r.id === rubricId) ?? null;

  // ---- roster (the text box is the source of truth; groups resolved from it)
  const [rosterText, setRosterText] = useState('');
  const [defaultGroup, setDefaultGroup] = useState('');
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const groups = useMemo(() => rubric?.groups ?? [], [rubric]);
  const effectiveDefault = groups.some((g) => g.id === defaultGroup) ? defaultGroup : (groups[0]?.id ?? '');
  const resolved = useMemo(
    () => resolveRoster(parseRosterText(rosterText), groups, effectiveDefault, overrides),
    [rosterText, groups, effectiveDefault, overrides],
  );

  const selectRubric = useCallback((id: string) => {
    setRubricId(id);
    setOverrides({});
  }, []);

  const onImported = useCallback(
    (r: RubricSummary) => {
      setRubrics(safeList(controller));
      selectRubric(r.id);
    },
    [controller, selectRubric],
  );

  const useDefaultRoster = useCallback(() => {
    if (!rubric?.defaultRoster) return;
    setOverrides({});
    setRosterText(rosterToText(rubric.defaultRoster, rubric.groups));
  }, [rubric]);

  // ---- when a workbook is bound, the setup flows fold away behind a button (state is kept)
  const [setupOpen, setSetupOpen] = useState(() => !status.bound);
  const setupHidden = status.bound && !setupOpen;

  // After 生成评分表 succeeds, take the user (and screen reader focus) to 评分状态 at the top.
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const [focusStatus, setFocusStatus] = useState(0);
  useEffect(() => {
    if (focusStatus === 0 || !status.bound) return;
    const heading = statusHeading.current;
    if (!heading) return;
    heading.focus();
    heading.scrollIntoView?.({ block: 'start' });
  }, [focusStatus, status.bound]);
  const onCreated = useCallback(() => setFocusStatus((n) => n + 1), []);

  // A unit's 自评表 open in Excel: the unit's pane only; the office's flows do not apply to a form.
  if (status.form && !browser) return <FormPanel controller={controller} status={status} form={status.form} />;

  return (
    <>
      {browser && <BrowserMode controller={controller} />}
      {status.bound ? (
        <StatusPanel controller={controller} status={status} headingRef={statusHeading} fileMode={browser} />
      ) : (
        <WorkbookNotices status={status} controller={controller} />
      )}
      {/* 自评表 sent out, collected and reviewed: in Excel on the open workbook, without Excel on a chosen file. */}
      {(browser || status.bound) && <SelfAssessment controller={controller} status={status} />}
      {status.bound && !browser && (
        <div className={styles.divider}>
          <Button appearance="secondary" aria-expanded={!setupHidden} aria-controls={setupId} onClick={() => setSetupOpen((o) => !o)}>
            {setupHidden ? t('setup.show') : t('setup.hide')}
          </Button>
        </div>
      )}
      {/* `hidden` keeps the flows mounted (their state survives folding); the flex class is left off
          while hidden because an author `display` rule would override the [hidden] UA style. */}
      <div id={setupId} className={setupHidden ? undefined : styles.setup} hidden={setupHidden}>
        <RubricPicker rubrics={rubrics} loadError={loadError} selectedId={rubricId} onSelect={selectRubric} />
        <RubricImport controller={controller} onImported={onImported} disabled={rubrics === null} />
        <RubricEditor
          controller={controller}
          rubrics={rubrics}
          workbookRubric={browser ? null : status.rubric}
          browser={browser}
          onSaved={onImported}
        />
        <RubricCompare controller={controller} rubrics={rubrics} workbookRubric={browser ? null : status.rubric} />
        {/* Outside Excel too: there 生成评分表 downloads the blank workbook (browser-controller.ts). */}
        <RosterEditor
          rubric={rubric}
          text={rosterText}
          onTextChange={setRosterText}
          defaultGroup={effectiveDefault}
          onDefaultGroupChange={(g) => {
            setDefaultGroup(g);
            setOverrides({});
          }}
          overrides={overrides}
          onOverride={(key, g) => setOverrides((o) => ({ ...o, [key]: g }))}
          resolved={resolved}
          onUseDefaultRoster={useDefaultRoster}
        />
        <CreateWorkbook
          controller={controller}
          rubric={rubric}
          entries={resolved.entries}
          rosterIssues={resolved.issues.length}
          onCreated={onCreated}
        />
      </div>
    </>
  );
}

function safeList(controller: Controller): RubricSummary[] {
  try {
    return controller.listRubrics();
  } catch (err) {
    console.warn('listRubrics failed', err);
    return [];
  }
}
