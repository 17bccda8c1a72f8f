/**
 * A file picker in the pane's language. The browser's own <input type="file"> draws its button and
 * "no file chosen" text in the browser's language (English in many webviews), so the input is kept
 * for its label, its `accept` and its dialog but is visually hidden; a Fluent button opens the dialog
 * and the chosen file's name is shown next to it. After each choice the input is cleared, so the same
 * file can be chosen again once it has been fixed.
 */
import { useId, useRef, useState } from 'react';
import { Button, Label, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import { useShared } from '../styles';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  /** Off screen but present: the label, tests and assistive technology still find the input. */
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  name: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', minWidth: 0 },
});

export function FilePicker({
  label,
  hint,
  accept,
  disabled = false,
  onFile,
}: {
  label: string;
  hint: string;
  accept: string;
  disabled?: boolean;
  onFile: (file: File) => Promise<unknown> | void;
}) {
  const t = useT();
  const shared = useShared();
  const styles = useStyles();
  const inputId = useId();
  const hintId = useId();
  const nameId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  return (
    <>
      <Label htmlFor={inputId}>{label}</Label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={accept}
        tabIndex={-1}
        aria-describedby={hintId}
        className={styles.hidden}
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          setFileName(file.name);
          void Promise.resolve(onFile(file)).finally(() => {
            if (input.current) input.current.value = '';
          });
        }}
      />
      <div className={styles.row}>
        <Button disabled={disabled} aria-describedby={`${nameId} ${hintId}`} onClick={() => input.current?.click()}>
          {/* Two pickers can share the pane: the field's label makes each button's name unique. */}
          <span className={styles.hidden}>{label} </span>
          {t('file.choose')}
        </Button>
        <Text id={nameId} size={200} className={styles.name}>
          {fileName ?? t('file.noneChosen')}
        </Text>
      </div>
      <Text id={hintId} size={200} className={shared.hint}>
        {hint}
      </Text>
    </>
  );
}
