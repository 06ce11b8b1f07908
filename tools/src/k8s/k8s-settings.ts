import { parseArgs } from 'node:util';

/** What varies between clusters; everything else is in the generated manifests. */
export interface K8sSettings {
  /** Image repository, e.g. registry.bank.example/switchboard. */
  image: string;
  tag: string;
  namespace: string;
  /** Replicas of the gateway and of each subgraph (at least 2: the disruption budgets keep one). */
  replicas: number;
  /** Folder the YAML is written to. */
  out: string;
}

/** The settings of the committed deploy/k8s (a test regenerates it with these). */
export const DEFAULT_K8S_SETTINGS: K8sSettings = {
  image: 'switchboard',
  tag: 'latest',
  namespace: 'switchboard',
  replicas: 2,
  out: 'deploy/k8s',
};

/** Environment variables of the generator; a command-line flag of the same name wins. */
export const K8S_SETTINGS_ENV = {
  image: 'SWITCHBOARD_K8S_IMAGE',
  tag: 'SWITCHBOARD_K8S_TAG',
  namespace: 'SWITCHBOARD_K8S_NAMESPACE',
  replicas: 'SWITCHBOARD_K8S_REPLICAS',
  out: 'SWITCHBOARD_K8S_OUT',
} as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** `--image`, `--tag`, `--namespace`, `--replicas`, `--out` (or their SWITCHBOARD_K8S_* variables). */
export function k8sSettingsFrom(args: string[], env: NodeJS.ProcessEnv = process.env): K8sSettings {
  const { values } = parseArgs({
    args,
    options: {
      image: { type: 'string' },
      tag: { type: 'string' },
      namespace: { type: 'string' },
      replicas: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const pick = (key: keyof K8sSettings): string =>
    values[key] ?? env[K8S_SETTINGS_ENV[key]] ?? String(DEFAULT_K8S_SETTINGS[key]);
  const settings: K8sSettings = {
    image: pick('image'),
    tag: pick('tag'),
    namespace: pick('namespace'),
    replicas: Number(pick('replicas')),
    out: pick('out'),
  };
  if (!DNS_LABEL.test(settings.namespace))
    throw new Error(`namespace "${settings.namespace}" is not a Kubernetes name (lower-case DNS label)`);
  if (!/^[\w][\w.-]{0,127}$/.test(settings.tag)) throw new Error(`image tag "${settings.tag}" is not valid`);
  if (!settings.image || /[\s:@]$/.test(settings.image) || /\s/.test(settings.image))
    throw new Error(`image "${settings.image}" is not valid (give the tag with --tag)`);
  if (!Number.isInteger(settings.replicas) || settings.replicas < 2)
    throw new Error('replicas must be an integer of at least 2 (a disruption budget keeps one available)');
  return settings;
}
