export default {
  'site.title': 'Rollout Lab',
  'site.tagline':
    'Learn how Kubernetes updates applications, on a simulated cluster that runs in your browser.',
  'home.start': 'Start the first lesson',
  'home.what':
    'Update a ReplicationController by hand, try the legacy rolling-update, then roll Deployments forward and back, tune maxSurge and maxUnavailable, stop a bad release with a readiness probe, and switch traffic blue/green.',
  'home.offline':
    'No account, no VM: the cluster, kubectl and the terminal all run in this tab, even offline.',
  'nav.language': '한국어',
} as const;
