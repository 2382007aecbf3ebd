# Production image of the operator console: static files behind nginx, which also proxies
# /api and /socket.io to the server. Build from the repository root:
#   docker build -f docker/console.Dockerfile -t arc-console .
FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@10.34.9
WORKDIR /src
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc turbo.json tsconfig.base.json ./
COPY packages/shared/package.json packages/shared/
COPY apps/console/package.json apps/console/
# Every workspace manifest, so the frozen lockfile matches the workspace.
COPY apps/server/package.json apps/server/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile --filter @arc/console...
COPY packages/shared packages/shared
COPY apps/console apps/console
RUN pnpm --filter @arc/shared build && pnpm --filter @arc/console build

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/apps/console/dist /usr/share/nginx/html
EXPOSE 80
