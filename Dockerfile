# syntax=docker/dockerfile:1
# One image for the whole platform: every subgraph and the gateway run from it, compiled to
# JavaScript ahead of time; the compose service (or Kubernetes pod) picks the entry point with
# `command:` (node apps/<app>/src/main.js). The image holds production dependencies only, no
# TypeScript compiler, and runs as the unprivileged `node` user.

ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: every dependency, then `npm run build` (dist/: the server workspaces compiled by SWC,
# their package.json files pointing at the compiled entries) and the dashboard's static build.
FROM ${NODE_IMAGE} AS build
# Same npm major as the repo's toolchain: npm >= 11 honours the `allowScripts` field of package.json.
ARG NPM_VERSION=11.19.1
RUN npm install -g --no-audit --no-fund "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /src
ENV LANG=C.UTF-8 NPM_CONFIG_UPDATE_NOTIFIER=false
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && (cd apps/dashboard && npx vite build --logLevel warn) \
 && mkdir /manifests && cd dist \
 && find . \( -name package.json -o -name package-lock.json \) -print0 | tar --null -cf - -T - | tar -xf - -C /manifests

# --- runtime: production dependencies only. The manifests come first (their layer stays cached
# until dependencies change); `--omit=optional` leaves out the `node` package (the image has Node 24)
# and every platform binary of the development tools; no production package needs an install script.
FROM ${NODE_IMAGE}
WORKDIR /app
ENV LANG=C.UTF-8 NPM_CONFIG_UPDATE_NOTIFIER=false
COPY --from=build /manifests/ ./
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force
COPY --from=build /src/dist/ ./
COPY --from=build /src/apps/dashboard/dist/ ./apps/dashboard/dist/

# V8's young generation capped at 2 x 16 MiB: left to itself it grew to 128 MiB in most services
# under the mixed morning (issue 23; tools/bench/dashboard/PROFILE.md), for a live heap of 70-90 MiB.
# traffic and wfm run with 2 x 8 MiB (NODE_OPTIONS of their own in docker-compose.yml and deploy/k8s,
# from NODE_OPTIONS_BY_SERVICE in tools/src/start/child-process.ts).
# The old generation's growth (20 % past what is alive) is set by each service as it starts, since
# node refuses that flag in NODE_OPTIONS: SWITCHBOARD_HEAP_GROWING_PERCENT changes it (off: V8's own).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    SWITCHBOARD_DASHBOARD_DIR=/app/apps/dashboard/dist \
    NODE_OPTIONS=--max-semi-space-size=16

# Files stay root-owned (read-only to the app); nothing is written at run time.
USER node

# Overridden per service in docker-compose.yml; PORT is set there too.
CMD ["node", "apps/gateway/src/main.js"]
