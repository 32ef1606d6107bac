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
import { useInput, useRecordContext, ValidationError } from 'react-admin';
import { MODERATION_ACTIONS, MODERATION_CATEGORIES } from '../common/enums';
import type { CategoryPolicy, CategoryRule, EffectiveThreshold, ModerationAction, Policy } from '../types';

type Categories = Record<string, CategoryPolicy>;
type Direction = 'input' | 'output';
/** The server's thresholds in force; a category the console does not know yet is looked up by name. */
type EffectiveByCategory = Partial<Record<string, Record<Direction, EffectiveThreshold>>>;

const ACTIONS = Object.keys(MODERATION_ACTIONS) as ModerationAction[];

/** Known categories in their canonical order, then any the server added. */
function orderedCategories(categories: Categories): string[] {
  const known: readonly string[] = MODERATION_CATEGORIES;
  return [
    ...known.filter((name) => name in categories),
    ...Object.keys(categories).filter((name) => !known.includes(name)),
  ];
}

/** Empty means the calibrated default; anything else is committed as typed, so validation can refuse it. */
function parseThreshold(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

function thresholdProblem(value: number | null): string | null {
  if (value === null) return null;
  if (!Number.isFinite(value)) return 'not a number';
  return value < 0 || value > 1 ? 'must be between 0 and 1' : null;
}

/** Says which threshold is out of range instead of saving something else ("Element updated" on a clamp). */
export function validateThresholds(categories: Categories | undefined): string | undefined {
  for (const [category, policy] of Object.entries(categories ?? {})) {
    for (const direction of ['input', 'output'] as const) {
      const problem = thresholdProblem(policy[direction].threshold);
      if (problem) return `${category} ${direction} threshold ${problem}`;
    }
  }
  return undefined;
}

/** "0.38 in force (calibrated 0.42 × 0.9)" or "set here". */
function effectiveText(effective: EffectiveThreshold | undefined): string | undefined {
  if (!effective) return undefined;
  return effective.source === 'policy'
    ? `${effective.threshold} in force (set here)`
    : `${effective.threshold} in force (calibrated ${effective.calibrated} × ${effective.scale})`;
}

/** Keeps what the user types ("0.") while only committing valid thresholds; empty means the calibrated default. */
const ThresholdCell = ({
  label,
  value,
  effective,
  onChange,
}: {
  label: string;
  value: number | null;
  effective?: EffectiveThreshold;
  onChange: (value: number | null) => void;
}) => {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    if (!Object.is(parseThreshold(text), value)) setText(value === null ? '' : String(value));
    // Only an outside change (a form reset) should overwrite what is being typed.
  }, [value]);
  const problem = thresholdProblem(parseThreshold(text));
  return (
    <TextField
      size="small"
      variant="standard"
      placeholder={effective ? String(effective.threshold) : 'default'}
      value={text}
      error={problem !== null}
      helperText={problem ?? effectiveText(effective)}
      slotProps={{
        htmlInput: { 'aria-label': label, inputMode: 'decimal', style: { width: 64 } },
        formHelperText: { sx: { whiteSpace: 'nowrap' } },
      }}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseThreshold(event.target.value));
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

const ReadOnlyRule = ({ rule, effective }: { rule: CategoryRule; effective?: EffectiveThreshold }) => (
  <>
    <TableCell>
      {effective ? (
        <Tooltip title={effectiveText(effective)}>
          <span>
            {effective.threshold}
            {effective.source === 'calibrated' && (
              <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                (calibrated × {effective.scale})
              </Typography>
            )}
          </span>
        </Tooltip>
      ) : (
        (rule.threshold ?? (
          <Typography variant="caption" color="text.secondary">
            default
          </Typography>
        ))
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
  effective,
  onChange,
}: {
  categories: Categories;
  customized: Set<string>;
  effective?: EffectiveByCategory;
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
                  effective={effective?.[category]?.[direction]}
                  onChange={onChange}
                />
              ) : (
                <ReadOnlyRule
                  key={direction}
                  rule={policy[direction]}
                  effective={effective?.[category]?.[direction]}
                />
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
  effective,
  onChange,
}: {
  category: string;
  direction: Direction;
  rule: CategoryRule;
  effective?: EffectiveThreshold;
  onChange: (category: string, direction: Direction, rule: CategoryRule) => void;
}) => (
  <>
    <TableCell>
      <ThresholdCell
        label={`${category} ${direction} threshold`}
        value={rule.threshold}
        effective={effective}
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
  const { field, fieldState } = useInput<Categories>({
    source: 'rules.categories',
    validate: (value: Categories | undefined) => validateThresholds(value),
  });
  const categories = (field.value ?? {}) as Categories;
  return (
    <>
      {fieldState.error?.message && (
        <Typography role="alert" color="error" variant="body2" sx={{ mb: 1 }}>
          <ValidationError error={fieldState.error.message} />
        </Typography>
      )}
      <CategoryGrid
        categories={categories}
        customized={customizedCategories(record)}
        effective={record?.effective}
        onChange={(category, direction, rule) =>
          field.onChange({ ...categories, [category]: { ...categories[category], [direction]: rule } })
        }
      />
    </>
  );
};

export const CategoryTableField = () => {
  const record = useRecordContext<Policy>();
  if (!record) return null;
  return (
    <CategoryGrid
      categories={record.rules.categories}
      customized={customizedCategories(record)}
      effective={record.effective}
    />
  );
};
