import VerifiedUser from '@mui/icons-material/VerifiedUser';
import { FineTunedModelList } from './FineTunedModelList';
import { FineTunedModelShow } from './FineTunedModelShow';

export default {
  list: FineTunedModelList,
  show: FineTunedModelShow,
  icon: VerifiedUser,
  options: { label: 'Fine-tuned models' },
};
