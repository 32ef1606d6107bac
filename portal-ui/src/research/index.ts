import School from '@mui/icons-material/School';
import { ResearchApplicationCreate } from './ResearchApplicationCreate';
import { ResearchGrantList } from './ResearchGrantList';
import { ResearchGrantShow } from './ResearchGrantShow';

/** The academic access program: a grant is created by applying for it, and read from then on. */
export default {
  list: ResearchGrantList,
  create: ResearchApplicationCreate,
  show: ResearchGrantShow,
  icon: School,
  recordRepresentation: 'name',
  options: { label: 'Research access' },
};
