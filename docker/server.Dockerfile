# Production image of the ARC server. Build from the repository root:
#   docker build -f docker/server.Dockerfile -t arc-server .
FROM node:20-bookworm-slim AS build
# argon2 compiles a native addon when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/* && npm install -g pnpm@10.34.9
WORKDIR /src
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc turbo.json tsconfig.base.json ./
COPY packages/shared/package.json packages/shared/
COPY apps/server/package.json apps/server/
# Every workspace manifest, so the frozen lockfile matches the workspace.
COPY apps/console/package.json apps/console/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile --filter @arc/server...
COPY packages/shared packages/shared
COPY apps/server apps/server
RUN pnpm --filter @arc/shared build && pnpm --filter @arc/server build \
    && pnpm --filter @arc/server deploy --prod --legacy /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production HTTP_HOST=0.0.0.0 HTTP_PORT=3000
WORKDIR /app
COPY --from=build /out ./
USER node
EXPOSE 3000 12000/tcp 12000/udp
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
