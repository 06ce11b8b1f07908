import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { K8S_SETTINGS_ENV } from './k8s-settings';
import { REPOSITORY_ROOT } from './platform-apps';

/** The README's "Kubernetes" section, up to the next heading of its level or above. */
function kubernetesSection(): string {
  const readme = readFileSync(join(REPOSITORY_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### Kubernetes\n');
  if (start < 0) throw new Error('README.md has no "### Kubernetes" section');
  const rest = readme.slice(start + 1);
  const end = rest.slice(1).search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

describe('README, Kubernetes', () => {
  const section = kubernetesSection();

  it('says how to build the image, make the secrets, apply and scale', () => {
    expect(section).toMatch(/docker build -t \S+ \./);
    expect(section).toContain('secrets/');
    expect(section).toMatch(/openssl genpkey -algorithm ed25519/);
    expect(section).toContain('kubectl apply -k');
    expect(section).toMatch(/kubectl -n \S+ scale deployment\//);
  });

  it('documents every setting of the generator, as flag and environment variable', () => {
    expect(section).toContain('npm run k8s');
    for (const [flag, variable] of Object.entries(K8S_SETTINGS_ENV)) {
      expect(section).toContain(`--${flag}`);
      expect(section).toContain(variable);
    }
  });
});

describe('secret files written for kustomize', () => {
  const lines = (file: string) => readFileSync(join(REPOSITORY_ROOT, file), 'utf8').split('\n');

  it('stay out of git (the *.example templates are committed)', () => {
    expect(lines('.gitignore')).toEqual(
      expect.arrayContaining(['deploy/*/secrets/*', '!deploy/*/secrets/*.example']),
    );
  });

  it('stay out of the image: deploy/ is not in the build context', () => {
    expect(lines('.dockerignore')).toContain('deploy');
  });
});
