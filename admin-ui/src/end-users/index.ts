import PeopleAlt from '@mui/icons-material/PeopleAlt';
import { EndUserList } from './EndUserList';
import { EndUserShow } from './EndUserShow';

export default {
  list: EndUserList,
  show: EndUserShow,
  icon: PeopleAlt,
  recordRepresentation: 'endUser',
  options: { label: 'End users' },
};
