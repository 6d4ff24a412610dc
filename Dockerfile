# syntax=docker/dockerfile:1
# Dialog Kinerja – production image. Build: docker build -t dialog-kinerja .
# Written and reviewed carefully but not run on the build machines, which have no Docker engine.

# ── Build: install everything, generate the Prisma client, compile TypeScript, drop dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs ./scripts/
COPY prisma ./prisma
COPY prisma.config.ts ./
# --ignore-scripts: no dependency may download anything at install time; the client is generated explicitly.
RUN npm ci --ignore-scripts && node scripts/prisma-generate.mjs
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

# ── Run: production dependencies and compiled code only, as the unprivileged "node" user.
FROM node:20-bookworm-slim
# tini reaps children and forwards signals. No system fonts are needed: the digest chart uses the
# DejaVu fonts of the dejavu-fonts-ttf package, and @resvg/resvg-js ships a prebuilt linux-x64-gnu
# (glibc, hence bookworm rather than alpine) binary as an optional dependency – no install script.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node prisma/migrations ./prisma/migrations
COPY --chown=node:node data ./data
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
# Migrations run at start-up. Admin commands: docker compose exec bot node dist/cli/main.js <command>
CMD ["node", "dist/main.js"]
