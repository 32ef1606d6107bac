import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

export interface EnumOption {
  label: string;
  color: ChipProps['color'];
}

export interface EnumChipFieldProps extends FieldProps {
  source: string;
  options: Record<string, EnumOption>;
}

export const EnumChip = ({ value, options }: { value: string; options: Record<string, EnumOption> }) => {
  const option = options[value] ?? { label: value, color: 'default' };
  return <Chip size="small" label={option.label} color={option.color} variant="outlined" />;
};

/** A state, tier or kind as a coloured chip, so a list can be scanned at a glance. */
export const EnumChipField = ({ source, options, ...rest }: EnumChipFieldProps) => {
  const value = useFieldValue({ source, ...rest }) as string | null | undefined;
  return value == null ? null : <EnumChip value={value} options={options} />;
};

/** The same options as `choices` for SelectInput filters. */
export const toChoices = (options: Record<string, EnumOption>) =>
  Object.entries(options).map(([id, { label }]) => ({ id, name: label }));
