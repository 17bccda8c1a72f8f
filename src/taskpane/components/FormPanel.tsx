/**
 * A unit's 自评表 open in Excel (src/excel/form-session.ts): the pane a unit sees, not the office's.
 * Its unit, the live 自评分 (草稿 while inputs are missing or wrong), the items still 未填, the
 * problems, a 重新计算 button and how to return the form. The office's actions (生成评分表, 导出附件,
 * 生成 / 收回自评表) do not apply to a form and are not shown. Rendered from WorkbookStatus.form only.
 */
import { useId } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import type { Controller, FormStatus, WorkbookStatus } from '../controller';
import { useT } from '../i18n';
import { useAsyncAction } from '../hooks';
import { errorText, useShared } from '../styles';
import { ProblemList } from './ProblemList';
import { rubricOptionText } from './RubricPicker';

export function FormPanel({ controller, status, form }: { controller: Controller; status: WorkbookStatus; form: FormStatus }) {
  const t = useT();
  const shared = useShared();
  const headingId = useId();
  const returnId = useId();
  const rescore = useAsyncAction(() => controller.rescoreAll());
  const total = form.total === null ? t('form.totalNone') : t(form.draft ? 'form.totalDraft' : 'form.total', { total: form.total });

  return (
    <>
      <section aria-labelledby={headingId} className={shared.section}>
        <Text as="h2" size={400} weight="semibold" id={headingId} className={shared.heading}>
          {t('form.heading')}
        </Text>
        <Text weight="semibold" className={shared.wrap}>
          {t('form.unit', { unit: form.unitName })}
        </Text>
        {status.rubric && (
          <Text size={200} className={shared.wrap}>
            {t('status.rubric', { title: rubricOptionText(status.rubric, t) })}
          </Text>
        )}
        {form.scoredLive === false ? (
          <Text role="status" className={shared.wrap}>
            {t('form.notScored')}
          </Text>
        ) : (
          <>
            <Text role="status" size={500} weight="semibold" className={shared.wrap}>
              {total}
            </Text>
            <Text className={shared.wrap}>{form.missing > 0 ? t('form.missing', { count: form.missing }) : t('form.allFilled')}</Text>
            <Text size={200} className={shared.hint}>
              {t('form.hint')}
            </Text>
            <div className={shared.row}>
              <Button
                disabledFocusable={rescore.busy}
                aria-busy={rescore.busy || undefined}
                icon={rescore.busy ? <Spinner size="tiny" /> : undefined}
                onClick={() => void rescore.run()}
              >
                {t('form.rescore')}
              </Button>
            </div>
          </>
        )}
        {rescore.failed && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody className={shared.wrap}>
              <MessageBarTitle>{t('actions.rescoreError')}</MessageBarTitle>
              {errorText(rescore.error, t('error.unknown'))}
            </MessageBarBody>
          </MessageBar>
        )}
        <ProblemList controller={controller} problems={status.problems} selectable={false} />
      </section>
      <section aria-labelledby={returnId} className={shared.section}>
        <Text as="h2" size={400} weight="semibold" id={returnId} className={shared.heading}>
          {t('form.returnHeading')}
        </Text>
        <ol className={shared.list}>
          <li className={shared.wrap}>{t('form.return1')}</li>
          <li className={shared.wrap}>{t('form.return2')}</li>
          <li className={shared.wrap}>{t('form.return3')}</li>
        </ol>
      </section>
    </>
  );
}
