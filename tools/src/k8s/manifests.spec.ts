import { SUBGRAPH_REGISTRY } from '@switchboard/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ConfigMap,
  Namespace,
  Service,
  type IConfigMap,
  type INamespace,
  type IService,
} from 'kubernetes-models/v1';
import { parse, parseAllDocuments } from 'yaml';
import { DEFAULT_K8S_SETTINGS } from './k8s-settings';
import { buildManifests, CONFIG_MAPS, subgraphUrl, type KubernetesObject } from './manifests';
import { platformApps, REPOSITORY_ROOT } from './platform-apps';
import { renderK8s } from './render';

const committedDir = join(REPOSITORY_ROOT, DEFAULT_K8S_SETTINGS.out);
const { subgraphs, gateway } = platformApps();
const manifests = buildManifests(subgraphs, gateway, DEFAULT_K8S_SETTINGS);
const objects = manifests.flatMap((manifest) => manifest.objects);

/** The model of every kind deploy/k8s holds; a kind without one fails the test. */
const MODELS: Record<string, (data: unknown) => KubernetesObject> = {
  'apps/v1 Deployment': (data) => new Deployment(data as IDeployment),
  'v1 Service': (data) => new Service(data as IService),
  'policy/v1 PodDisruptionBudget': (data) => new PodDisruptionBudget(data as IPodDisruptionBudget),
  'v1 ConfigMap': (data) => new ConfigMap(data as IConfigMap),
  'v1 Namespace': (data) => new Namespace(data as INamespace),
};

function modelOf(doc: { apiVersion?: string; kind?: string }): KubernetesObject {
  const make = MODELS[`${doc.apiVersion} ${doc.kind}`];
  if (!make) throw new Error(`no model for ${doc.apiVersion} ${doc.kind}`);
  return make(doc);
}

const found = <T>(type: abstract new (...args: never[]) => T, name: string): T => {
  const object = objects.find((o) => o instanceof type && o.metadata?.name === name);
  if (!object) throw new Error(`no ${type.name} ${name}`);
  return object as T;
};

describe('deploy/k8s', () => {
  it('is what `npm run k8s` writes (run it after changing the generator or the subgraph list)', () => {
    const files = renderK8s(subgraphs, gateway, DEFAULT_K8S_SETTINGS);
    const committedYaml = readdirSync(committedDir).filter((file) => file.endsWith('.yaml'));
    expect(committedYaml.sort()).toEqual([...files.keys()].filter((f) => f.endsWith('.yaml')).sort());
    for (const [file, content] of files) {
      expect({ file, content: readFileSync(join(committedDir, file), 'utf8') }).toEqual({ file, content });
    }
  });

  it('every committed object validates against its Kubernetes model', () => {
    let count = 0;
    for (const file of readdirSync(committedDir).filter(
      (f) => f.endsWith('.yaml') && f !== 'kustomization.yaml',
    )) {
      for (const doc of parseAllDocuments(readFileSync(join(committedDir, file), 'utf8'))) {
        expect(() =>
          modelOf(doc.toJSON() as { apiVersion?: string; kind?: string }).validate(),
        ).not.toThrow();
        count += 1;
      }
    }
    expect(count).toBe(objects.length);
  });

  it('the models refuse what the API server would (the check above can fail)', () => {
    const broken = found(Deployment, 'gateway').toJSON() as IDeployment;
    const replicas = new Deployment({
      ...broken,
      spec: { ...broken.spec!, replicas: 'two' as unknown as number },
    });
    expect(() => replicas.validate()).toThrow(/replicas/);
    expect(() => modelOf({ apiVersion: 'v1', kind: 'Pod' })).toThrow(/no model/);
  });

  it('every subgraph of tools/src/subgraphs.ts has a Deployment, Service and disruption budget, with probes', () => {
    expect(subgraphs.map((s) => s.name)).toEqual(SUBGRAPH_REGISTRY.map((entry) => entry.name));
    for (const app of [...subgraphs, { name: 'gateway', ...gateway }]) {
      const deployment = found(Deployment, app.name);
      const container = deployment.spec!.template.spec!.containers[0];
      expect(container.command).toEqual(['node', app.main.replace(/\.ts$/, '.js')]);
      expect(container.ports).toEqual([{ name: 'http', containerPort: app.port, protocol: 'TCP' }]);
      expect(container.env).toContainEqual({ name: 'PORT', value: String(app.port) });
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/ready', port: 'http' });
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/live', port: 'http' });
      expect(container.startupProbe?.httpGet).toEqual({ path: '/live', port: 'http' });
      const service = found(Service, app.name);
      expect(service.spec!.ports).toEqual([
        { name: 'http', port: app.port, targetPort: 'http', protocol: 'TCP' },
      ]);
      expect(service.spec!.selector).toEqual(deployment.spec!.selector.matchLabels);
      const budget = found(PodDisruptionBudget, app.name);
      expect(budget.spec!.selector!.matchLabels).toEqual(deployment.spec!.selector.matchLabels);
      expect(budget.spec!.minAvailable).toBe(1);
      expect(deployment.spec!.replicas).toBeGreaterThan(1);
    }
  });

  it("the gateway's ConfigMap names every subgraph's URL, at its Service's port", () => {
    const config = found(ConfigMap, CONFIG_MAPS.gateway);
    expect(config.data).toEqual({
      SUBGRAPH_TIMEOUT_MS: '10000',
      ...Object.fromEntries(
        SUBGRAPH_REGISTRY.map(({ name, port }) => [
          `${name.toUpperCase()}_URL`,
          `http://${name}:${port}/graphql`,
        ]),
      ),
    });
    expect(config.data).toMatchObject({
      STAFF_URL: 'http://staff:4001/graphql',
      KPI_URL: 'http://kpi:4005/graphql',
    });
    const envFrom = found(Deployment, 'gateway').spec!.template.spec!.containers[0].envFrom;
    expect(envFrom).toContainEqual({ configMapRef: { name: CONFIG_MAPS.gateway } });
  });

  it('a subgraph added to the list gets its manifests, secret and gateway URL', () => {
    const wfm = { name: 'wfm', port: 4099, main: 'apps/wfm/src/main.ts' };
    const files = renderK8s([...subgraphs, wfm], gateway, DEFAULT_K8S_SETTINGS);
    const kinds = parseAllDocuments(files.get('wfm.yaml')!).map((doc) => doc.get('kind'));
    expect(kinds).toEqual(['Deployment', 'Service', 'PodDisruptionBudget']);
    expect(files.get('config.yaml')).toContain(`WFM_URL: ${subgraphUrl(wfm)}`);
    expect(files.get('secrets/wfm.env.example')).toMatch(/^DATABASE_URL=/m);
    // care keeps customers' names and phones encrypted: its example asks for the key
    expect(renderK8s(subgraphs, gateway, DEFAULT_K8S_SETTINGS).get('secrets/care.env.example')).toMatch(
      /^SWITCHBOARD_CARE_PII_KEY=$/m,
    );
    const kustomization = parse(files.get('kustomization.yaml')!) as { resources: string[] };
    expect(kustomization.resources).toContain('wfm.yaml');
  });

  it('kustomization.yaml lists every manifest and generates every secret the pods use', () => {
    const kustomization = parse(readFileSync(join(committedDir, 'kustomization.yaml'), 'utf8')) as {
      namespace: string;
      resources: string[];
      secretGenerator: { name: string; envs?: string[]; files?: string[] }[];
    };
    expect(kustomization.namespace).toBe(DEFAULT_K8S_SETTINGS.namespace);
    expect(kustomization.resources).toEqual(manifests.map((m) => m.file));
    const generated = new Map(kustomization.secretGenerator.map((s) => [s.name, s]));
    for (const deployment of objects.filter((o): o is Deployment => o instanceof Deployment)) {
      const pod = deployment.spec!.template.spec!;
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        for (const env of container.env ?? []) {
          const ref = env.valueFrom?.secretKeyRef;
          if (!ref) continue;
          const secret = generated.get(ref.name!);
          expect(secret?.envs).toHaveLength(1);
          const example = readFileSync(join(committedDir, `${secret!.envs![0]}.example`), 'utf8');
          expect(example).toMatch(new RegExp(`^${ref.key}=`, 'm'));
        }
        for (const from of container.envFrom ?? [])
          if (from.secretRef) expect(generated.has(from.secretRef.name!)).toBe(true);
      }
      for (const volume of pod.volumes ?? []) {
        if (!volume.secret) continue;
        const files = generated.get(volume.secret.secretName!)?.files ?? [];
        for (const item of volume.secret.items ?? []) expect(files).toContain(`secrets/${item.key}`);
      }
    }
  });
});
