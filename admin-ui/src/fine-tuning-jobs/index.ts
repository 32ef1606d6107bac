import ModelTraining from '@mui/icons-material/ModelTraining';
import { FineTuningJobList } from './FineTuningJobList';
import { FineTuningJobShow } from './FineTuningJobShow';

export default {
  list: FineTuningJobList,
  show: FineTuningJobShow,
  icon: ModelTraining,
  options: { label: 'Fine-tuning jobs' },
};
