/**
 * Host states other than a current Excel: 'excel-too-old' (nothing else is shown) and 'browser'
 * (the page is open outside Excel; offers file mode when the controller has scoreFile).
 */
import { useId, useState } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import type { Controller, HostInfo } from '../controller';
import { useT } from '../i18n';
import { useAsyncAction } from '../hooks';
import { errorText, useShared } from '../styles';
import { FilePicker } from './FilePicker';

export function ExcelTooOld({ host }: { host: HostInfo }) {
  const t = useT();
  const styles = useShared();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <Text as="h2" block size={400} weight="semibold" className={styles.heading}>
          {t('host.tooOld.title')}
        </Text>
        <Text as="p" block className={styles.wrap}>
          {t('host.tooOld.body')}
        </Text>
        <Text as="p" block weight="semibold">
          {t('host.tooOld.detected', { version: host.apiVersion ?? t('host.tooOld.unknown') })}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}

export function BrowserMode({ controller }: { controller: Controller }) {
  const t = useT();
  const styles = useShared();
  const headingId = useId();
  const [lastFile, setLastFile] = useState<string | null>(null);
  const scoreFile = controller.scoreFile?.bind(controller);
  const action = useAsyncAction(async (file: File) => {
    if (!scoreFile) return;
    setLastFile(file.name);
    await scoreFile(file);
  });

  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('host.browser.title')}</MessageBarTitle>
          <Text as="p" block className={styles.wrap}>
            {t('host.browser.body')}
          </Text>
        </MessageBarBody>
      </MessageBar>
      <section aria-labelledby={headingId} className={styles.section}>
        <Text as="h2" size={400} weight="semibold" id={headingId} className={styles.heading}>
          {t('file.heading')}
        </Text>
        {scoreFile ? (
          <>
            <FilePicker
              label={t('file.label')}
              hint={t('file.hint')}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={action.busy}
              onFile={(file) => action.run(file)}
            />
            {action.busy && <Spinner size="tiny" label={t('file.busy')} />}
            {action.done && lastFile && (
              <MessageBar intent="success">
                <MessageBarBody className={styles.wrap}>{t('file.done', { name: lastFile })}</MessageBarBody>
              </MessageBar>
            )}
            {action.failed && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody className={styles.wrap}>
                  <MessageBarTitle>{t('file.error')}</MessageBarTitle>
                  {errorText(action.error, t('error.unknown'))}
                </MessageBarBody>
              </MessageBar>
            )}
          </>
        ) : (
          <Text as="p" block className={styles.hint}>
            {t('file.unavailable')}
          </Text>
        )}
      </section>
    </>
  );
}
