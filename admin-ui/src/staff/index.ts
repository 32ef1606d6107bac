import SupervisorAccount from '@mui/icons-material/SupervisorAccount';
import { StaffCreate, StaffEdit } from './StaffForms';
import { StaffList } from './StaffList';

export default {
  list: StaffList,
  edit: StaffEdit,
  create: StaffCreate,
  icon: SupervisorAccount,
  recordRepresentation: 'email',
  options: { label: 'Staff' },
};
