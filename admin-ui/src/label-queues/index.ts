import FactCheck from '@mui/icons-material/FactCheck';
import { LabelQueueCreate } from './LabelQueueCreate';
import { LabelQueueList } from './LabelQueueList';
import { LabelQueueShow } from './LabelQueueShow';

export default {
  list: LabelQueueList,
  create: LabelQueueCreate,
  show: LabelQueueShow,
  icon: FactCheck,
  options: { label: 'Labeling queues' },
};
