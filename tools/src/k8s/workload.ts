import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  Service,
  type IContainer,
  type IEnvFromSource,
  type IEnvVar,
  type IProbe,
  type IResourceRequirements,
  type IVolume,
  type IVolumeMount,
} from 'kubernetes-models/v1';
import type { K8sSettings } from './k8s-settings';

/** One app of the platform as Kubernetes runs it: the gateway or a subgraph. */
export interface Workload {
  name: string;
  component: 'gateway' | 'subgraph';
  port: number;
  /** The process's command in the image (the same entry points as docker-compose.yml). */
  command: string[];
  /** Environment of the app and of its init container. */
  env: IEnvVar[];
  /** Environment of the app container alone. */
  appEnv?: IEnvVar[];
  envFrom: IEnvFromSource[];
  volumes: IVolume[];
  volumeMounts: IVolumeMount[];
  resources: IResourceRequirements;
  /** Runs before the app in every pod (the subgraphs' migration step). */
  initContainer?: { name: string; env: IEnvVar[] };
}

export const PART_OF = 'switchboard';

export function labelsOf(name: string, component?: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/part-of': PART_OF,
    ...(component ? { 'app.kubernetes.io/component': component } : {}),
  };
}

/** Writable scratch space: the root filesystem is read-only. */
const TMP_VOLUME: IVolume = { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } };
const TMP_MOUNT: IVolumeMount = { name: 'tmp', mountPath: '/tmp' };

/** The image's user `node` (uid 1000), as in the Dockerfile. */
const RUN_AS = 1000;

const containerSecurity = {
  runAsNonRoot: true,
  runAsUser: RUN_AS,
  runAsGroup: RUN_AS,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

const httpProbe = (path: string, probe: Omit<IProbe, 'httpGet'>): IProbe => ({
  httpGet: { path, port: 'http' },
  ...probe,
});

/**
 * /live: the process serves (a failing database must not restart every replica); /ready: the
 * database answers and no migration is pending (libs/server, libs/subgraph-kit). The startup probe
 * gives SWC's compile on load its time before liveness counts.
 */
export const PROBES = {
  startupProbe: httpProbe('/live', { periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 36 }),
  livenessProbe: httpProbe('/live', { periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 }),
  readinessProbe: httpProbe('/ready', { periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 }),
};

function image(settings: K8sSettings): string {
  return `${settings.image}:${settings.tag}`;
}

function appContainer(workload: Workload, settings: K8sSettings): IContainer {
  return {
    name: workload.name,
    image: image(settings),
    imagePullPolicy: 'IfNotPresent',
    command: workload.command,
    ports: [{ name: 'http', containerPort: workload.port, protocol: 'TCP' }],
    env: [{ name: 'PORT', value: String(workload.port) }, ...(workload.appEnv ?? []), ...workload.env],
    envFrom: workload.envFrom,
    resources: workload.resources,
    securityContext: containerSecurity,
    volumeMounts: [TMP_MOUNT, ...workload.volumeMounts],
    ...PROBES,
    // Endpoints are removed while the pod still serves; then SIGTERM drains (SHUTDOWN_GRACE_MS).
    lifecycle: { preStop: { sleep: { seconds: 5 } } },
  };
}

function initContainers(workload: Workload, settings: K8sSettings): { initContainers?: IContainer[] } {
  if (!workload.initContainer) return {};
  return {
    initContainers: [
      {
        name: workload.initContainer.name,
        image: image(settings),
        imagePullPolicy: 'IfNotPresent',
        command: workload.command,
        env: [...workload.initContainer.env, ...workload.env],
        envFrom: workload.envFrom,
        resources: workload.resources,
        securityContext: containerSecurity,
        volumeMounts: [TMP_MOUNT, ...workload.volumeMounts],
      },
    ],
  };
}

export function deploymentOf(workload: Workload, settings: K8sSettings): Deployment {
  const selector = labelsOf(workload.name);
  return new Deployment({
    metadata: {
      name: workload.name,
      namespace: settings.namespace,
      labels: labelsOf(workload.name, workload.component),
    },
    spec: {
      replicas: settings.replicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector },
      // A new pod is ready before an old one goes: capacity never drops during a rollout.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: labelsOf(workload.name, workload.component) },
        spec: {
          automountServiceAccountToken: false,
          // Service links would add STAFF_PORT=tcp://... and the like to the environment.
          enableServiceLinks: false,
          terminationGracePeriodSeconds: 30,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: RUN_AS,
            runAsGroup: RUN_AS,
            fsGroup: RUN_AS,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    topologyKey: 'kubernetes.io/hostname',
                    labelSelector: { matchLabels: selector },
                  },
                },
              ],
            },
          },
          ...initContainers(workload, settings),
          containers: [appContainer(workload, settings)],
          volumes: [TMP_VOLUME, ...workload.volumes],
        },
      },
    },
  });
}

export function serviceOf(workload: Workload, settings: K8sSettings): Service {
  return new Service({
    metadata: {
      name: workload.name,
      namespace: settings.namespace,
      labels: labelsOf(workload.name, workload.component),
    },
    spec: {
      type: 'ClusterIP',
      selector: labelsOf(workload.name),
      ports: [{ name: 'http', port: workload.port, targetPort: 'http', protocol: 'TCP' }],
    },
  });
}

/** Voluntary disruptions (node drains, upgrades) leave at least one replica serving. */
export function disruptionBudgetOf(workload: Workload, settings: K8sSettings): PodDisruptionBudget {
  return new PodDisruptionBudget({
    metadata: {
      name: workload.name,
      namespace: settings.namespace,
      labels: labelsOf(workload.name, workload.component),
    },
    spec: { minAvailable: 1, selector: { matchLabels: labelsOf(workload.name) } },
  });
}
