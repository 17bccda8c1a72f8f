/** Shared Griffel styles for the narrow task pane (320–450 px): stacked sections, wrapping text. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useShared = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  heading: {
    margin: 0,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  wrap: {
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
    // Also used on <p>: sections space their children with rowGap, not margins.
    margin: 0,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  fullWidth: {
    width: '100%',
    minWidth: 0,
    maxWidth: '100%',
  },
});

/** A readable message from anything a controller may reject with (they reject with Chinese messages). */
export function errorText(err: unknown, fallback: string): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return fallback;
}

export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}
