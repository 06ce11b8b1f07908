import { Deployment } from 'kubernetes-models/apps/v1';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_K8S_SETTINGS, k8sSettingsFrom } from './k8s-settings';
import { buildManifests } from './manifests';
import { platformApps } from './platform-apps';
import { renderK8s } from './render';

const { subgraphs, gateway } = platformApps();
const deployments = buildManifests(subgraphs, gateway, DEFAULT_K8S_SETTINGS)
  .flatMap((manifest) => manifest.objects)
  .filter((object): object is Deployment => object instanceof Deployment);

const podOf = (deployment: Deployment) => deployment.spec!.template.spec!;
const envOf = (container: { env?: { name: string; value?: string }[] }, name: string) =>
  container.env?.filter((env) => env.name === name).map((env) => env.value);

describe('pods of deploy/k8s', () => {
  it('run as non-root on a read-only root filesystem, with nothing to escalate', () => {
    expect(deployments).toHaveLength(subgraphs.length + 1);
    for (const deployment of deployments) {
      const pod = podOf(deployment);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect(container.securityContext).toMatchObject({
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
      }
    }
  });

  it('ask for resources and have limits; roll one new pod in before an old one goes', () => {
    for (const deployment of deployments) {
      for (const container of podOf(deployment).containers) {
        expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
      }
      expect(deployment.spec!.strategy).toEqual({
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
      });
    }
  });

  it('subgraph replicas never migrate; each pod migrates first in an init container (under the lock)', () => {
    for (const subgraph of subgraphs) {
      const pod = podOf(deployments.find((d) => d.metadata!.name === subgraph.name)!);
      const [app] = pod.containers;
      expect(envOf(app, 'SWITCHBOARD_MIGRATE')).toEqual(['false']);
      expect(pod.initContainers?.map((c) => c.name)).toEqual(['migrate']);
      const migrate = pod.initContainers![0];
      expect(envOf(migrate, 'SWITCHBOARD_MIGRATE')).toEqual(['only']);
      expect(migrate.command).toEqual(app.command);
      for (const container of [migrate, app]) {
        const names = (container.env ?? []).map((env) => env.name);
        expect(new Set(names).size).toBe(names.length); // a repeated name: the last one wins
        expect(names).toContain(`${subgraph.name.toUpperCase()}_DATABASE_URL`);
      }
    }
    const gatewayPod = podOf(deployments.find((d) => d.metadata!.name === 'gateway')!);
    expect(gatewayPod.initContainers).toBeUndefined();
  });

  it('subgraphs mount the gateway public key only; the gateway its key pair', () => {
    for (const deployment of deployments) {
      const volume = podOf(deployment).volumes?.find((v) => v.name === 'gateway-key');
      const items = volume?.secret?.items?.map((item) => item.key);
      expect(items).toEqual(deployment.metadata!.name === 'gateway' ? undefined : ['gateway-ed25519.pub']);
    }
  });
});

describe('generator settings', () => {
  it('take --image, --tag, --namespace, --replicas, --out, or SWITCHBOARD_K8S_* (flags win)', () => {
    expect(k8sSettingsFrom([], {})).toEqual(DEFAULT_K8S_SETTINGS);
    expect(
      k8sSettingsFrom(['--tag', '1.4.0', '--namespace', 'cc-prod', '--replicas', '3'], {
        SWITCHBOARD_K8S_IMAGE: 'registry.bank.example/switchboard',
        SWITCHBOARD_K8S_TAG: 'ignored',
        SWITCHBOARD_K8S_OUT: 'out/k8s',
      }),
    ).toEqual({
      image: 'registry.bank.example/switchboard',
      tag: '1.4.0',
      namespace: 'cc-prod',
      replicas: 3,
      out: 'out/k8s',
    });
  });

  it('refuse a namespace, tag or replica count Kubernetes or the budgets would not take', () => {
    expect(() => k8sSettingsFrom(['--namespace', 'Prod_1'], {})).toThrow(/namespace/);
    expect(() => k8sSettingsFrom(['--tag', 'a b'], {})).toThrow(/tag/);
    expect(() => k8sSettingsFrom(['--replicas', '1'], {})).toThrow(/at least 2/);
    expect(() => k8sSettingsFrom(['--image', 'switchboard:1.0'], {})).not.toThrow();
    expect(() => k8sSettingsFrom(['--colour', 'red'], {})).toThrow();
  });

  it('reach every object: image and tag in every container, namespace on every object', () => {
    const settings = {
      ...DEFAULT_K8S_SETTINGS,
      image: 'registry.bank.example/sb',
      tag: '2.0.1',
      namespace: 'cc',
    };
    const files = renderK8s(subgraphs, gateway, settings);
    let containers = 0;
    for (const [file, content] of files) {
      if (!file.endsWith('.yaml') || file === 'kustomization.yaml') continue;
      for (const doc of parseAllDocuments(content)) {
        const object = doc.toJSON() as { kind: string; metadata: { name: string; namespace?: string } };
        if (object.kind === 'Namespace') expect(object.metadata.name).toBe('cc');
        else expect(object.metadata.namespace).toBe('cc');
      }
      containers += (content.match(/image: registry\.bank\.example\/sb:2\.0\.1$/gm) ?? []).length;
    }
    expect(containers).toBe(2 * subgraphs.length + 1);
    expect(files.get('kustomization.yaml')).toMatch(/^namespace: cc$/m);
  });
});
