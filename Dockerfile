# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY server/package.json server/
COPY contracts/package.json contracts/
COPY web-common/package.json web-common/
COPY admin-ui/package.json admin-ui/
COPY portal-ui/package.json portal-ui/
# The image's npm 10 ignores package.json#allowScripts: keep onnxruntime-node from fetching CUDA libraries.
RUN ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY server server
COPY contracts contracts
COPY web-common web-common
COPY admin-ui admin-ui
COPY portal-ui portal-ui
COPY migrations migrations
COPY bench bench
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/server/package.json server/
COPY --from=build /app/dist dist
COPY --from=build /app/admin-ui/dist admin-ui/dist
COPY --from=build /app/portal-ui/dist portal-ui/dist
COPY models models
COPY data data
RUN mkdir -p server/src && chown -R node:node /app
USER node
EXPOSE 8080
# --max-semi-space-size: see server/src/common/serving-flags.ts
CMD ["node", "--max-semi-space-size=32", "dist/server/src/main.js", "api"]
