import Topic from '@mui/icons-material/Topic';
import { TopicProposalList } from './TopicProposalList';
import { TopicProposalShow } from './TopicProposalShow';

export default {
  list: TopicProposalList,
  show: TopicProposalShow,
  icon: Topic,
  options: { label: 'Topic proposals' },
};
