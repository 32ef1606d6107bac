import Balance from '@mui/icons-material/Balance';
import { BiasRunCreate } from './BiasRunCreate';
import { BiasRunList } from './BiasRunList';
import { BiasRunShow } from './BiasRunShow';

export { BiasRunCompare } from './BiasRunCompare';

export default {
  list: BiasRunList,
  show: BiasRunShow,
  create: BiasRunCreate,
  icon: Balance,
  options: { label: 'Bias runs' },
};
