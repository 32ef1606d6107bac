import Tune from '@mui/icons-material/Tune';
import { CalibrationCreate } from './CalibrationCreate';
import { CalibrationList } from './CalibrationList';
import { CalibrationShow } from './CalibrationShow';

export default {
  list: CalibrationList,
  show: CalibrationShow,
  create: CalibrationCreate,
  icon: Tune,
  options: { label: 'Calibrations' },
};
