/**
 * The v1.32 help texts by command path (`''` is the root), each in its own module loaded on first
 * use: together they weigh more than the rest of kubectl, and a lesson page should not pay for
 * texts nobody asks for. The literal `import()`s let bundlers split them into chunks.
 */
export const HELP_LOADERS: Record<string, () => Promise<string>> = {
  '': () => import('./root').then((m) => m.ROOT_HELP),
  get: () => import('./get').then((m) => m.GET_HELP),
  create: () => import('./create').then((m) => m.CREATE_HELP),
  'create namespace': () => import('./create-namespace').then((m) => m.CREATE_NAMESPACE_HELP),
  'create deployment': () => import('./create-deployment').then((m) => m.CREATE_DEPLOYMENT_HELP),
  'create configmap': () => import('./create-configmap').then((m) => m.CREATE_CONFIGMAP_HELP),
  apply: () => import('./apply').then((m) => m.APPLY_HELP),
  replace: () => import('./replace').then((m) => m.REPLACE_HELP),
  delete: () => import('./delete').then((m) => m.DELETE_HELP),
  patch: () => import('./patch').then((m) => m.PATCH_HELP),
  scale: () => import('./scale').then((m) => m.SCALE_HELP),
  label: () => import('./label').then((m) => m.LABEL_HELP),
  annotate: () => import('./annotate').then((m) => m.ANNOTATE_HELP),
  set: () => import('./set').then((m) => m.SET_HELP),
  'set image': () => import('./set-image').then((m) => m.SET_IMAGE_HELP),
  wait: () => import('./wait').then((m) => m.WAIT_HELP),
  diff: () => import('./diff').then((m) => m.DIFF_HELP),
  'set env': () => import('./set-env').then((m) => m.SET_ENV_HELP),
  'set selector': () => import('./set-selector').then((m) => m.SET_SELECTOR_HELP),
  'create service': () => import('./create-service').then((m) => m.CREATE_SERVICE_HELP),
  'create service clusterip': () =>
    import('./create-service-clusterip').then((m) => m.CREATE_SERVICE_CLUSTERIP_HELP),
  'create service nodeport': () =>
    import('./create-service-nodeport').then((m) => m.CREATE_SERVICE_NODEPORT_HELP),
  'create service loadbalancer': () =>
    import('./create-service-loadbalancer').then((m) => m.CREATE_SERVICE_LOADBALANCER_HELP),
  expose: () => import('./expose').then((m) => m.EXPOSE_HELP),
  run: () => import('./run').then((m) => m.RUN_HELP),
  rollout: () => import('./rollout').then((m) => m.ROLLOUT_HELP),
  'rollout status': () => import('./rollout-status').then((m) => m.ROLLOUT_STATUS_HELP),
  'rollout history': () => import('./rollout-history').then((m) => m.ROLLOUT_HISTORY_HELP),
  'rollout undo': () => import('./rollout-undo').then((m) => m.ROLLOUT_UNDO_HELP),
  'rollout pause': () => import('./rollout-pause').then((m) => m.ROLLOUT_PAUSE_HELP),
  'rollout resume': () => import('./rollout-resume').then((m) => m.ROLLOUT_RESUME_HELP),
  'rollout restart': () => import('./rollout-restart').then((m) => m.ROLLOUT_RESTART_HELP),
  describe: () => import('./describe').then((m) => m.DESCRIBE_HELP),
  logs: () => import('./logs').then((m) => m.LOGS_HELP),
  exec: () => import('./exec').then((m) => m.EXEC_HELP),
  edit: () => import('./edit').then((m) => m.EDIT_HELP),
  explain: () => import('./explain').then((m) => m.EXPLAIN_HELP),
  'api-resources': () => import('./api-resources').then((m) => m.API_RESOURCES_HELP),
  config: () => import('./config').then((m) => m.CONFIG_HELP),
  'config view': () => import('./config-view').then((m) => m.CONFIG_VIEW_HELP),
  'config current-context': () =>
    import('./config-current-context').then((m) => m.CONFIG_CURRENT_CONTEXT_HELP),
  'config get-contexts': () => import('./config-get-contexts').then((m) => m.CONFIG_GET_CONTEXTS_HELP),
  'cluster-info': () => import('./cluster-info').then((m) => m.CLUSTER_INFO_HELP),
  version: () => import('./version').then((m) => m.VERSION_HELP),
  'api-versions': () => import('./api-versions').then((m) => m.API_VERSIONS_HELP),
  'config set-context': () => import('./config-set-context').then((m) => m.CONFIG_SET_CONTEXT_HELP),
  'config use-context': () => import('./config-use-context').then((m) => m.CONFIG_USE_CONTEXT_HELP),
};
