import PauseCircle from '@mui/icons-material/PauseCircle';
import { HeldCompletionList } from './HeldCompletionList';

/** The list also serves `/held-completions/:id`, opening the output in its side panel. */
export default {
  list: HeldCompletionList,
  icon: PauseCircle,
  options: { label: 'Held outputs' },
};
