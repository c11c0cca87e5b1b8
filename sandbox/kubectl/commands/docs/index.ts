/** The v1.32 help texts by command path (`''` is the root). */
import { ROOT_HELP } from './root';
import { GET_HELP } from './get';
import { CREATE_HELP } from './create';
import { CREATE_NAMESPACE_HELP } from './create-namespace';
import { CREATE_DEPLOYMENT_HELP } from './create-deployment';
import { CREATE_CONFIGMAP_HELP } from './create-configmap';
import { APPLY_HELP } from './apply';
import { REPLACE_HELP } from './replace';
import { DELETE_HELP } from './delete';
import { PATCH_HELP } from './patch';
import { SCALE_HELP } from './scale';
import { LABEL_HELP } from './label';
import { ANNOTATE_HELP } from './annotate';
import { SET_HELP } from './set';
import { SET_IMAGE_HELP } from './set-image';
import { EXPOSE_HELP } from './expose';
import { RUN_HELP } from './run';
import { ROLLOUT_HELP } from './rollout';
import { ROLLOUT_STATUS_HELP } from './rollout-status';
import { ROLLOUT_HISTORY_HELP } from './rollout-history';
import { ROLLOUT_UNDO_HELP } from './rollout-undo';
import { ROLLOUT_PAUSE_HELP } from './rollout-pause';
import { ROLLOUT_RESUME_HELP } from './rollout-resume';
import { ROLLOUT_RESTART_HELP } from './rollout-restart';
import { DESCRIBE_HELP } from './describe';
import { LOGS_HELP } from './logs';
import { EXEC_HELP } from './exec';
import { EDIT_HELP } from './edit';
import { EXPLAIN_HELP } from './explain';
import { API_RESOURCES_HELP } from './api-resources';
import { CONFIG_HELP } from './config';
import { CONFIG_VIEW_HELP } from './config-view';
import { CONFIG_CURRENT_CONTEXT_HELP } from './config-current-context';
import { CONFIG_GET_CONTEXTS_HELP } from './config-get-contexts';
import { CLUSTER_INFO_HELP } from './cluster-info';
import { VERSION_HELP } from './version';
import { API_VERSIONS_HELP } from './api-versions';
import { CONFIG_SET_CONTEXT_HELP } from './config-set-context';
import { CONFIG_USE_CONTEXT_HELP } from './config-use-context';
import { SET_ENV_HELP } from './set-env';
import { SET_SELECTOR_HELP } from './set-selector';
import { CREATE_SERVICE_HELP } from './create-service';
import { CREATE_SERVICE_CLUSTERIP_HELP } from './create-service-clusterip';
import { CREATE_SERVICE_NODEPORT_HELP } from './create-service-nodeport';
import { CREATE_SERVICE_LOADBALANCER_HELP } from './create-service-loadbalancer';
import { WAIT_HELP } from './wait';
import { DIFF_HELP } from './diff';

export const HELP_TEXTS: Record<string, string> = {
  '': ROOT_HELP,
  get: GET_HELP,
  create: CREATE_HELP,
  'create namespace': CREATE_NAMESPACE_HELP,
  'create deployment': CREATE_DEPLOYMENT_HELP,
  'create configmap': CREATE_CONFIGMAP_HELP,
  apply: APPLY_HELP,
  replace: REPLACE_HELP,
  delete: DELETE_HELP,
  patch: PATCH_HELP,
  scale: SCALE_HELP,
  label: LABEL_HELP,
  annotate: ANNOTATE_HELP,
  set: SET_HELP,
  'set image': SET_IMAGE_HELP,
  wait: WAIT_HELP,
  diff: DIFF_HELP,
  'set env': SET_ENV_HELP,
  'set selector': SET_SELECTOR_HELP,
  'create service': CREATE_SERVICE_HELP,
  'create service clusterip': CREATE_SERVICE_CLUSTERIP_HELP,
  'create service nodeport': CREATE_SERVICE_NODEPORT_HELP,
  'create service loadbalancer': CREATE_SERVICE_LOADBALANCER_HELP,
  expose: EXPOSE_HELP,
  run: RUN_HELP,
  rollout: ROLLOUT_HELP,
  'rollout status': ROLLOUT_STATUS_HELP,
  'rollout history': ROLLOUT_HISTORY_HELP,
  'rollout undo': ROLLOUT_UNDO_HELP,
  'rollout pause': ROLLOUT_PAUSE_HELP,
  'rollout resume': ROLLOUT_RESUME_HELP,
  'rollout restart': ROLLOUT_RESTART_HELP,
  describe: DESCRIBE_HELP,
  logs: LOGS_HELP,
  exec: EXEC_HELP,
  edit: EDIT_HELP,
  explain: EXPLAIN_HELP,
  'api-resources': API_RESOURCES_HELP,
  config: CONFIG_HELP,
  'config view': CONFIG_VIEW_HELP,
  'config current-context': CONFIG_CURRENT_CONTEXT_HELP,
  'config get-contexts': CONFIG_GET_CONTEXTS_HELP,
  'cluster-info': CLUSTER_INFO_HELP,
  version: VERSION_HELP,
  'api-versions': API_VERSIONS_HELP,
  'config set-context': CONFIG_SET_CONTEXT_HELP,
  'config use-context': CONFIG_USE_CONTEXT_HELP,
};
