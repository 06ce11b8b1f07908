# syntax=docker/dockerfile:1
# One image for the whole platform: every subgraph and the gateway run from it; the compose
# service picks the entry point with `command:` (node tools/bin/run.js apps/<app>/src/main.ts).
# TypeScript is compiled on load by SWC (@swc-node/register), so there is no build step.

ARG NODE_IMAGE=node:24-bookworm-slim

# --- manifests: only the package.json files, the lockfile (and any .npmrc), so the `npm ci` layer
# below stays cached until dependencies change; adding a workspace needs no edit here.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json ! -name .npmrc -delete \
 && find . -depth -type d -empty -delete

# --- runtime
FROM ${NODE_IMAGE}
# Same npm major as the repo's toolchain: npm >= 11 honours the `allowScripts` field of
# package.json (older bundled npm versions would run every dependency's install script).
ARG NPM_VERSION=11.19.1
RUN npm install -g --no-audit --no-fund "npm@${NPM_VERSION}" \
 && npm cache clean --force

WORKDIR /app
ENV LANG=C.UTF-8 \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# Full install (no --omit=dev): @swc-node/register needs `typescript` (a dev dependency) at run time.
# NODE_ENV is set only after this step, because NODE_ENV=production would make npm omit dev deps.
COPY --from=manifests /src/ ./
RUN npm ci --no-audit --no-fund \
 && npm cache clean --force

COPY . .

ENV NODE_ENV=production \
    HOST=0.0.0.0

# Files stay root-owned (read-only to the app); nothing is written at run time in compose mode.
USER node

# Overridden per service in docker-compose.yml; PORT is set there too.
CMD ["node", "tools/bin/run.js", "apps/gateway/src/main.ts"]
