import VpnKey from '@mui/icons-material/VpnKey';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';
import { ApiKeyShow } from './ApiKeyShow';

export default {
  list: ApiKeyList,
  show: ApiKeyShow,
  create: ApiKeyCreate,
  icon: VpnKey,
  recordRepresentation: 'name',
  options: { label: 'Keys' },
};
