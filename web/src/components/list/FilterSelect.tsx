import { Select } from 'antd';

/** A list filter: a labelled select whose first option, the empty value, means "all" (全部…). */
export function FilterSelect({
  label,
  allLabel,
  value,
  onChange,
  options,
  width,
}: {
  label: string;
  allLabel: string;
  value: string | undefined;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  width: number;
}) {
  return <Select aria-label={label} style={{ width }} value={value} onChange={onChange} options={[{ value: '', label: allLabel }, ...options]} />;
}
