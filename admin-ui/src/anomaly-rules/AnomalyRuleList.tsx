import Rule from '@mui/icons-material/Rule';
import { Chip } from '@mui/material';
import { ANOMALY_RULE_ACTION_LABELS } from '@warden/contracts';
import { BooleanField, DataTable, DateField, List, useCanAccess, useRecordContext } from 'react-admin';
import { EmptyState, EnumChipField, SHORT_DATETIME } from '@warden/web-common';
import { ALERT_SEVERITIES } from '../common/enums';
import type { AnomalyRule } from '../types';
import { formatWindow, ruleName } from './ruleLabels';

const RuleName = () => {
  const rule = useRecordContext<AnomalyRule>();
  return rule ? <>{ruleName(rule.id)}</> : null;
};

const Window = () => {
  const rule = useRecordContext<AnomalyRule>();
  return rule ? <>{formatWindow(rule.windowSeconds)}</> : null;
};

const Action = () => {
  const rule = useRecordContext<AnomalyRule>();
  if (!rule) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={rule.action === 'none' ? 'default' : 'warning'}
      label={ANOMALY_RULE_ACTION_LABELS[rule.action]}
    />
  );
};

/** The rules the worker evaluates over recent traffic; admins open one to edit it. */
export const AnomalyRuleList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'anomaly-rules', action: 'edit' });
  return (
    <List<AnomalyRule>
      pagination={false}
      exporter={false}
      empty={
        <EmptyState
          icon={<Rule />}
          title="No anomaly rules"
          hint="The rules are installed by the database migrations; an empty list means they have not run."
        />
      }
    >
      <DataTable<AnomalyRule> rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="id" label="Rule" disableSort>
          <RuleName />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort />
        <DataTable.Col source="enabled" disableSort>
          <BooleanField source="enabled" />
        </DataTable.Col>
        <DataTable.Col source="windowSeconds" label="Window" disableSort>
          <Window />
        </DataTable.Col>
        <DataTable.Col source="severity" disableSort>
          <EnumChipField source="severity" options={ALERT_SEVERITIES} />
        </DataTable.Col>
        <DataTable.Col source="action" disableSort>
          <Action />
        </DataTable.Col>
        <DataTable.Col source="updatedAt" label="Last changed" disableSort>
          <DateField source="updatedAt" showTime options={SHORT_DATETIME} />
        </DataTable.Col>
        <DataTable.Col source="updatedBy" label="By" disableSort />
      </DataTable>
    </List>
  );
};
