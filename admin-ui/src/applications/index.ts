import RateReview from '@mui/icons-material/RateReview';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

export default {
  list: ApplicationList,
  show: ApplicationShow,
  icon: RateReview,
  recordRepresentation: 'name',
};
