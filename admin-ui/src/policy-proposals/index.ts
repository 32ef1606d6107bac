import Rule from '@mui/icons-material/Rule';
import { ProposalCreate } from './ProposalCreate';
import { ProposalList } from './ProposalList';
import { ProposalShow } from './ProposalShow';

export default {
  list: ProposalList,
  show: ProposalShow,
  create: ProposalCreate,
  icon: Rule,
  options: { label: 'Policy proposals' },
};
