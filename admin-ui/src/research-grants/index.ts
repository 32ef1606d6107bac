import School from '@mui/icons-material/School';
import { ResearchGrantEdit } from './ResearchGrantEdit';
import { ResearchGrantList } from './ResearchGrantList';
import { ResearchGrantShow } from './ResearchGrantShow';

export default {
  list: ResearchGrantList,
  show: ResearchGrantShow,
  edit: ResearchGrantEdit,
  icon: School,
  recordRepresentation: 'name',
  options: { label: 'Research grants' },
};
