import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the api under /console; `npm run dev -w admin-ui` proxies the staff API to a local Warden.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: { proxy: { '/admin': 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
