/** 重新计分 and 导出附件: one button each, busy while running, error shown under the buttons. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { Controller } from '../controller';
import { useT } from '../i18n';
import { useAsyncAction } from '../hooks';
import { errorText, useShared } from '../styles';

export function WorkbookActions({ controller }: { controller: Controller }) {
  const t = useT();
  const shared = useShared();
  const rescore = useAsyncAction(() => controller.rescoreAll());
  const exportAnnex = useAsyncAction(() => controller.exportAnnex());

  return (
    <div className={shared.section}>
      <div className={shared.row}>
        <Button
          appearance="primary"
          disabledFocusable={rescore.busy}
          aria-busy={rescore.busy || undefined}
          icon={rescore.busy ? <Spinner size="tiny" /> : undefined}
          onClick={() => {
            exportAnnex.reset();
            void rescore.run();
          }}
        >
          {rescore.busy ? t('actions.rescoring') : t('actions.rescore')}
        </Button>
        <Button
          disabledFocusable={exportAnnex.busy}
          aria-busy={exportAnnex.busy || undefined}
          icon={exportAnnex.busy ? <Spinner size="tiny" /> : undefined}
          onClick={() => {
            rescore.reset();
            void exportAnnex.run();
          }}
        >
          {exportAnnex.busy ? t('actions.exporting') : t('actions.export')}
        </Button>
      </div>
      {rescore.done && (
        <MessageBar intent="success">
          <MessageBarBody>{t('actions.rescoreDone')}</MessageBarBody>
        </MessageBar>
      )}
      {exportAnnex.done && (
        <MessageBar intent="success">
          <MessageBarBody>{t('actions.exportDone')}</MessageBarBody>
        </MessageBar>
      )}
      {rescore.failed && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={shared.wrap}>
            <MessageBarTitle>{t('actions.rescoreError')}</MessageBarTitle>
            {errorText(rescore.error, t('error.unknown'))}
          </MessageBarBody>
        </MessageBar>
      )}
      {exportAnnex.failed && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={shared.wrap}>
            <MessageBarTitle>{t('actions.exportError')}</MessageBarTitle>
            {errorText(exportAnnex.error, t('error.unknown'))}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
