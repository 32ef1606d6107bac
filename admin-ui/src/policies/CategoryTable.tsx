import {
  Box,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useInput, useRecordContext } from 'react-admin';
import { MODERATION_ACTIONS, MODERATION_CATEGORIES } from '../common/enums';
import type { CategoryPolicy, CategoryRule, ModerationAction, Policy } from '../types';

type Categories = Record<string, CategoryPolicy>;
type Direction = 'input' | 'output';

const ACTIONS = Object.keys(MODERATION_ACTIONS) as ModerationAction[];

/** Known categories in their canonical order, then any the server added. */
function orderedCategories(categories: Categories): string[] {
  const known: readonly string[] = MODERATION_CATEGORIES;
  return [
    ...known.filter((name) => name in categories),
    ...Object.keys(categories).filter((name) => !known.includes(name)),
  ];
}

function parseThreshold(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

/** Keeps what the user types ("0.") while only committing valid thresholds; empty means the calibrated default. */
const ThresholdCell = ({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
}) => {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    if (parseThreshold(text) !== value) setText(value === null ? '' : String(value));
    // Only an outside change (a form reset) should overwrite what is being typed.
  }, [value]);
  const invalid = parseThreshold(text) === undefined;
  return (
    <TextField
      size="small"
      variant="standard"
      placeholder="default"
      value={text}
      error={invalid}
      slotProps={{ htmlInput: { 'aria-label': label, inputMode: 'decimal', style: { width: 64 } } }}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = parseThreshold(event.target.value);
        if (parsed !== undefined) onChange(parsed);
      }}
    />
  );
};

const ActionCell = ({
  label,
  value,
  onChange,
}: {
  label: string;
  value: ModerationAction;
  onChange: (value: ModerationAction) => void;
}) => (
  <Select
    size="small"
    variant="standard"
    value={value}
    onChange={(event) => onChange(event.target.value as ModerationAction)}
    inputProps={{ 'aria-label': label }}
    sx={{ minWidth: 96 }}
  >
    {ACTIONS.map((action) => (
      <MenuItem key={action} value={action}>
        {MODERATION_ACTIONS[action].label}
      </MenuItem>
    ))}
  </Select>
);

const ReadOnlyRule = ({ rule }: { rule: CategoryRule }) => (
  <>
    <TableCell>
      {rule.threshold ?? (
        <Typography variant="caption" color="text.secondary">
          default
        </Typography>
      )}
    </TableCell>
    <TableCell>
      <Typography
        variant="body2"
        color={
          rule.action === 'block' ? 'error' : rule.action === 'allow' ? 'text.secondary' : 'text.primary'
        }
      >
        {MODERATION_ACTIONS[rule.action]?.label ?? rule.action}
      </Typography>
    </TableCell>
  </>
);

const CategoryGrid = ({
  categories,
  customized,
  onChange,
}: {
  categories: Categories;
  customized: Set<string>;
  onChange?: (category: string, direction: Direction, rule: CategoryRule) => void;
}) => (
  <Table size="small" sx={{ '& td, & th': { py: 0.5 } }}>
    <TableHead>
      <TableRow>
        <TableCell>Category</TableCell>
        <TableCell>Input threshold</TableCell>
        <TableCell>Input action</TableCell>
        <TableCell>Output threshold</TableCell>
        <TableCell>Output action</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {orderedCategories(categories).map((category) => {
        const policy = categories[category];
        return (
          <TableRow key={category} data-category={category} hover>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <Box component="span" sx={{ fontFamily: 'monospace' }}>
                {category}
              </Box>
              {customized.has(category) && (
                <Tooltip title="Set for this application; the other categories follow the status defaults">
                  <Box component="span" sx={{ ml: 1, color: 'primary.main', fontSize: 12 }}>
                    ● custom
                  </Box>
                </Tooltip>
              )}
            </TableCell>
            {(['input', 'output'] as const).map((direction) =>
              onChange ? (
                <DirectionCells
                  key={direction}
                  category={category}
                  direction={direction}
                  rule={policy[direction]}
                  onChange={onChange}
                />
              ) : (
                <ReadOnlyRule key={direction} rule={policy[direction]} />
              ),
            )}
          </TableRow>
        );
      })}
    </TableBody>
  </Table>
);

const DirectionCells = ({
  category,
  direction,
  rule,
  onChange,
}: {
  category: string;
  direction: Direction;
  rule: CategoryRule;
  onChange: (category: string, direction: Direction, rule: CategoryRule) => void;
}) => (
  <>
    <TableCell>
      <ThresholdCell
        label={`${category} ${direction} threshold`}
        value={rule.threshold}
        onChange={(threshold) => onChange(category, direction, { ...rule, threshold })}
      />
    </TableCell>
    <TableCell>
      <ActionCell
        label={`${category} ${direction} action`}
        value={rule.action}
        onChange={(action) => onChange(category, direction, { ...rule, action })}
      />
    </TableCell>
  </>
);

function customizedCategories(record: Policy | undefined): Set<string> {
  return new Set(Object.keys(record?.patch?.categories ?? {}));
}

/**
 * Edits `rules.categories` as one value. Category names contain slashes ("self-harm/intent"), which
 * react-hook-form paths cannot address, so the whole map is a single form field.
 */
export const CategoryTableInput = () => {
  const record = useRecordContext<Policy>();
  const { field } = useInput<Categories>({ source: 'rules.categories' });
  const categories = (field.value ?? {}) as Categories;
  return (
    <CategoryGrid
      categories={categories}
      customized={customizedCategories(record)}
      onChange={(category, direction, rule) =>
        field.onChange({ ...categories, [category]: { ...categories[category], [direction]: rule } })
      }
    />
  );
};

export const CategoryTableField = () => {
  const record = useRecordContext<Policy>();
  if (!record) return null;
  return <CategoryGrid categories={record.rules.categories} customized={customizedCategories(record)} />;
};
