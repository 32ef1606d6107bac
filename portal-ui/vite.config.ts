import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the api under /developers; `npm run dev -w portal-ui` proxies the portal API (and /v1, which the
// sandbox snippet calls) to a local Warden.
export default defineConfig({
  base: '/developers/',
  plugins: [react()],
  server: { proxy: { '/portal': 'http://127.0.0.1:8080', '/v1': 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
