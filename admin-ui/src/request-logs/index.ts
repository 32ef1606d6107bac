import ReceiptLong from '@mui/icons-material/ReceiptLong';
import { RequestLogList } from './RequestLogList';
import { RequestLogShow } from './RequestLogShow';

export default {
  list: RequestLogList,
  show: RequestLogShow,
  icon: ReceiptLong,
  options: { label: 'Request log' },
};
