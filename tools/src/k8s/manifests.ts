import { ConfigMap, Namespace, type IEnvVar, type IVolume, type IVolumeMount } from 'kubernetes-models/v1';
import { NODE_OPTIONS_BY_SERVICE } from '../start/child-process';
import type { K8sSettings } from './k8s-settings';
import { deploymentOf, disruptionBudgetOf, labelsOf, serviceOf, type Workload } from './workload';

/** A subgraph as the generator needs it (tools/src/subgraphs.ts: name, port, entry point). */
export interface SubgraphApp {
  name: string;
  port: number;
  /** Entry point relative to the repository root, e.g. apps/staff/src/main.ts. */
  main: string;
}

export interface GatewayApp {
  port: number;
  main: string;
}

/** What every kubernetes-models object offers: its type, a schema check and its plain form. */
export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  validate(): void;
  toJSON(): object;
}

/** One YAML file of deploy/k8s: its objects, validated by their models. */
export interface ManifestFile {
  file: string;
  objects: KubernetesObject[];
}

/** Secrets are made by kustomize's secretGenerator from files the operator writes (README, Kubernetes). */
export const SECRETS = {
  /** SWITCHBOARD_JWT_SECRET, or SWITCHBOARD_JWKS_URL + _ISSUER + _AUDIENCE: the gateway's check of callers. */
  auth: 'switchboard-auth',
  /** gateway-ed25519.key and .pub: the gateway signs each subgraph's token; subgraphs get the .pub only. */
  gatewayKey: 'switchboard-gateway-key',
  /** DATABASE_URL (this subgraph's own database) and an optional SWITCHBOARD_SERVICE_TOKEN. */
  subgraph: (name: string) => `switchboard-${name}`,
};

export const CONFIG_MAPS = { common: 'switchboard-common', gateway: 'switchboard-gateway' };

export const KEY_FILES = { privateKey: 'gateway-ed25519.key', publicKey: 'gateway-ed25519.pub' };
const KEYS_DIR = '/run/switchboard-keys';

/** The image runs the apps compiled ahead of time (npm run build): the entry's .js beside its .ts. */
const run = (main: string) => ['node', main.replace(/\.ts$/, '.js')];

export const subgraphUrl = (subgraph: SubgraphApp) => `http://${subgraph.name}:${subgraph.port}/graphql`;

function configMaps(subgraphs: SubgraphApp[], gateway: GatewayApp, settings: K8sSettings): ConfigMap[] {
  const metadata = (name: string) => ({ name, namespace: settings.namespace, labels: labelsOf(name) });
  return [
    new ConfigMap({
      metadata: metadata(CONFIG_MAPS.common),
      data: {
        HOST: '0.0.0.0',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        SWITCHBOARD_GATEWAY_URL: `http://gateway:${gateway.port}/graphql`,
        SWITCHBOARD_GATEWAY_PUBLIC_KEY_FILE: `${KEYS_DIR}/${KEY_FILES.publicKey}`,
        SWITCHBOARD_SEED_DEMO: 'false',
      },
    }),
    new ConfigMap({
      metadata: metadata(CONFIG_MAPS.gateway),
      data: {
        SUBGRAPH_TIMEOUT_MS: '10000',
        ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, subgraphUrl(s)])),
      },
    }),
  ];
}

const keyVolume = (items?: string[]): IVolume => ({
  name: 'gateway-key',
  secret: {
    secretName: SECRETS.gatewayKey,
    defaultMode: 0o440,
    ...(items ? { items: items.map((key) => ({ key, path: key })) } : {}),
  },
});
const keyMount: IVolumeMount = { name: 'gateway-key', mountPath: KEYS_DIR, readOnly: true };

function gatewayWorkload(gateway: GatewayApp): Workload {
  return {
    name: 'gateway',
    component: 'gateway',
    port: gateway.port,
    command: run(gateway.main),
    env: [{ name: 'SWITCHBOARD_GATEWAY_PRIVATE_KEY_FILE', value: `${KEYS_DIR}/${KEY_FILES.privateKey}` }],
    envFrom: [
      { configMapRef: { name: CONFIG_MAPS.common } },
      { configMapRef: { name: CONFIG_MAPS.gateway } },
      { secretRef: { name: SECRETS.auth } },
    ],
    volumes: [keyVolume()],
    volumeMounts: [keyMount],
    resources: { requests: { cpu: '250m', memory: '384Mi' }, limits: { cpu: '2', memory: '1Gi' } },
  };
}

function subgraphWorkload(subgraph: SubgraphApp): Workload {
  const secret = SECRETS.subgraph(subgraph.name);
  const env: IEnvVar[] = [
    // The exact database (libs/postgres databaseUrlFor): the operator's DBA creates it.
    {
      name: `${subgraph.name.toUpperCase()}_DATABASE_URL`,
      valueFrom: { secretKeyRef: { name: secret, key: 'DATABASE_URL' } },
    },
    {
      name: 'SWITCHBOARD_SERVICE_TOKEN',
      valueFrom: { secretKeyRef: { name: secret, key: 'SWITCHBOARD_SERVICE_TOKEN', optional: true } },
    },
  ];
  return {
    name: subgraph.name,
    component: 'subgraph',
    port: subgraph.port,
    command: run(subgraph.main),
    // Replicas never migrate: the init container below did, under the database's migration lock.
    env,
    appEnv: [
      { name: 'SWITCHBOARD_MIGRATE', value: 'false' },
      // the image's NODE_OPTIONS, unless the service runs with its own V8 flags
      ...(NODE_OPTIONS_BY_SERVICE[subgraph.name]
        ? [{ name: 'NODE_OPTIONS', value: NODE_OPTIONS_BY_SERVICE[subgraph.name] }]
        : []),
    ],
    envFrom: [{ configMapRef: { name: CONFIG_MAPS.common } }],
    volumes: [keyVolume([KEY_FILES.publicKey])],
    volumeMounts: [keyMount],
    resources: { requests: { cpu: '200m', memory: '384Mi' }, limits: { cpu: '2', memory: '1Gi' } },
    initContainer: { name: 'migrate', env: [{ name: 'SWITCHBOARD_MIGRATE', value: 'only' }] },
  };
}

/** Every object of deploy/k8s, one file per app plus the namespace and the configuration. */
export function buildManifests(
  subgraphs: SubgraphApp[],
  gateway: GatewayApp,
  settings: K8sSettings,
): ManifestFile[] {
  const appFile = (workload: Workload): ManifestFile => ({
    file: `${workload.name}.yaml`,
    objects: [
      deploymentOf(workload, settings),
      serviceOf(workload, settings),
      disruptionBudgetOf(workload, settings),
    ],
  });
  return [
    {
      file: 'namespace.yaml',
      objects: [
        new Namespace({
          metadata: {
            name: settings.namespace,
            // Every pod here meets the "restricted" Pod Security Standard.
            labels: { 'pod-security.kubernetes.io/enforce': 'restricted' },
          },
        }),
      ],
    },
    { file: 'config.yaml', objects: configMaps(subgraphs, gateway, settings) },
    appFile(gatewayWorkload(gateway)),
    ...subgraphs.map((subgraph) => appFile(subgraphWorkload(subgraph))),
  ];
}
