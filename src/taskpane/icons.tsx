/** Three small severity icons as inline SVG (decorative: the severity is also written out). */
import { tokens } from '@fluentui/react-components';
import type { Severity } from '../scoring/types';

const COLORS: Record<Severity, string> = {
  error: tokens.colorPaletteRedForeground1,
  warning: tokens.colorPaletteDarkOrangeForeground1,
  missing: tokens.colorNeutralForeground3,
};

export function SeverityIcon({ severity }: { severity: Severity }) {
  const color = COLORS[severity];
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ flexShrink: 0 }}>
      {severity === 'error' && (
        <>
          <circle cx="8" cy="8" r="7" fill={color} />
          <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M8 1.5l6.8 12.2H1.2z" fill={color} />
          <path d="M8 6v4" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
          <circle cx="8" cy="12" r="0.9" fill="#fff" />
        </>
      )}
      {severity === 'missing' && (
        <>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke={color} strokeWidth="1.6" strokeDasharray="2.4 1.6" />
          <path d="M5.5 8h5" stroke={color} strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
