import NotificationImportant from '@mui/icons-material/NotificationImportant';
import { AlertList } from './AlertList';
import { AlertShow } from './AlertShow';

export default {
  list: AlertList,
  show: AlertShow,
  icon: NotificationImportant,
  recordRepresentation: 'title',
};
