import Policy from '@mui/icons-material/Policy';
import { PolicyEdit } from './PolicyEdit';
import { PolicyList } from './PolicyList';
import { PolicyShow } from './PolicyShow';

export default {
  list: PolicyList,
  edit: PolicyEdit,
  show: PolicyShow,
  icon: Policy,
  recordRepresentation: 'applicationName',
};
