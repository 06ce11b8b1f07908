import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { k8sSettingsFrom } from './k8s-settings';
import { platformApps, REPOSITORY_ROOT } from './platform-apps';
import { renderK8s } from './render';

/**
 * `npm run k8s [-- --image REPO --tag TAG --namespace NS --replicas N --out DIR]`: writes the
 * Kubernetes manifests; YAML files of apps no longer in the list are removed.
 */
function main(): void {
  const settings = k8sSettingsFrom(process.argv.slice(2));
  const { subgraphs, gateway } = platformApps();
  const files = renderK8s(subgraphs, gateway, settings);
  const out = resolve(REPOSITORY_ROOT, settings.out);
  mkdirSync(out, { recursive: true });
  for (const stale of readdirSync(out).filter((file) => file.endsWith('.yaml') && !files.has(file)))
    rmSync(join(out, stale));
  for (const [file, content] of files) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), content);
  }
  console.log(
    `wrote ${files.size} files to ${out} (image ${settings.image}:${settings.tag}, namespace ${settings.namespace})`,
  );
}

main();
