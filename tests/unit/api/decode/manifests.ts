/** Lesson-like manifests (as kubectl would send them after YAML → JSON) for the decode tests. */

export function kubiaDeployment(): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia' },
    spec: {
      replicas: 3,
      minReadySeconds: 10,
      strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }, type: 'RollingUpdate' },
      selector: { matchLabels: { app: 'kubia' } },
      template: {
        metadata: { name: 'kubia', labels: { app: 'kubia' } },
        spec: {
          containers: [
            {
              image: 'luksa/kubia:v3',
              name: 'nodejs',
              readinessProbe: { periodSeconds: 1, httpGet: { path: '/', port: 8080 } },
            },
          ],
        },
      },
    },
  };
}

export function kubiaRc(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'kubia-v1' },
    spec: {
      replicas: 3,
      template: {
        metadata: { name: 'kubia', labels: { app: 'kubia' } },
        spec: { containers: [{ image: 'luksa/kubia:v1', name: 'nodejs', ports: [{ containerPort: 8080 }] }] },
      },
    },
  };
}

export function loadBalancerService(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubia' },
    spec: {
      type: 'LoadBalancer',
      selector: { app: 'kubia' },
      ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', name: 'http' }],
      sessionAffinity: 'ClientIP',
    },
  };
}

export function podWithEverything(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'fortune-env',
      labels: { app: 'fortune' },
      annotations: { note: 'x' },
      creationTimestamp: null,
    },
    spec: {
      terminationGracePeriodSeconds: 5,
      nodeSelector: { gpu: 'true' },
      tolerations: [{ key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' }],
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'gpu', operator: 'In', values: ['true'] }] }],
          },
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 50,
              podAffinityTerm: {
                topologyKey: 'kubernetes.io/hostname',
                labelSelector: { matchLabels: { app: 'x' } },
              },
            },
          ],
        },
      },
      volumes: [
        { name: 'html', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
        {
          name: 'config',
          configMap: { name: 'fortune-config', items: [{ key: 'my-nginx-config.conf', path: 'gzip.conf' }] },
        },
        { name: 'data', persistentVolumeClaim: { claimName: 'mongodb-pvc' } },
        {
          name: 'downward',
          downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
        },
      ],
      initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'sleep 1'] }],
      containers: [
        {
          image: 'luksa/fortune:env',
          name: 'html-generator',
          imagePullPolicy: 'IfNotPresent',
          env: [
            { name: 'INTERVAL', value: '30' },
            {
              name: 'FROM_CM',
              valueFrom: {
                configMapKeyRef: { name: 'fortune-config', key: 'sleep-interval', optional: true },
              },
            },
            { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
          ],
          envFrom: [{ prefix: 'CONFIG_', configMapRef: { name: 'my-config-map' } }],
          resources: { requests: { cpu: '200m', memory: '10Mi' }, limits: { cpu: 1, memory: '100Mi' } },
          volumeMounts: [{ name: 'html', mountPath: '/var/htdocs' }],
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
          livenessProbe: {
            exec: { command: ['cat', '/run/healthy'] },
            initialDelaySeconds: 15,
            failureThreshold: 3,
          },
          startupProbe: { tcpSocket: { port: 'http' }, periodSeconds: 2 },
          lifecycle: {
            preStop: { httpGet: { path: 'shutdown', port: 8080 } },
            postStart: { sleep: { seconds: 1 } },
          },
          securityContext: {
            runAsUser: 405,
            readOnlyRootFilesystem: true,
            capabilities: { add: ['SYS_TIME'], drop: ['CHOWN'] },
          },
        },
      ],
      securityContext: { fsGroup: 555, supplementalGroups: [666, 777] },
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { app: 'fortune' } },
        },
      ],
    },
  };
}
