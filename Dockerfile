# The server image: Node 20, the project's own dependencies, the sample corpus.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY loaders ./loaders
COPY schema ./schema
COPY data ./data
ENV NODE_ENV=production PORT=4000
EXPOSE 4000
CMD ["npm", "start"]
