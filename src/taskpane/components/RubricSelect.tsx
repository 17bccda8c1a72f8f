/**
 * The library combobox shared by 选择评分细则 and 比较评分细则: a labelled Fluent Dropdown (Field wires
 * the label to the combobox, so screen readers and tests find it by name; Dropdown gives the keyboard:
 * arrows, typing to jump, Enter/Escape). One place, so both lists behave and read alike.
 */
import type { ReactNode } from 'react';
import { Dropdown, Field, Option } from '@fluentui/react-components';
import { useShared } from '../styles';

export interface RubricSelectOption {
  id: string;
  /** One line for the closed combobox and screen readers. */
  text: string;
  /** What the open list shows (defaults to `text`). */
  content?: ReactNode;
}

export function RubricSelect({
  label,
  options,
  selectedId,
  onSelect,
  placeholder,
  disabled,
}: {
  label: string;
  options: RubricSelectOption[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  placeholder?: string;
  disabled?: boolean;
}) {
  const shared = useShared();
  const selected = options.find((o) => o.id === selectedId) ?? null;
  return (
    <Field label={label}>
      <Dropdown
        className={shared.fullWidth}
        placeholder={placeholder}
        disabled={disabled}
        value={selected?.text ?? ''}
        selectedOptions={selected ? [selected.id] : []}
        onOptionSelect={(_, data) => {
          if (data.optionValue) onSelect(data.optionValue);
        }}
      >
        {options.map((o) => (
          <Option key={o.id} value={o.id} text={o.text}>
            {o.content ?? o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
