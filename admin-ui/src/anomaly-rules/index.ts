import Rule from '@mui/icons-material/Rule';
import { AnomalyRuleEdit } from './AnomalyRuleEdit';
import { AnomalyRuleList } from './AnomalyRuleList';

export default {
  list: AnomalyRuleList,
  edit: AnomalyRuleEdit,
  icon: Rule,
  recordRepresentation: 'id',
  options: { label: 'Anomaly rules' },
};
