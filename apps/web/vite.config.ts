import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev the SPA runs on Vite (5173) and the API on the BFF, on BATCHOPS_PORT as the BFF reads it.
const bffPort = process.env.BATCHOPS_PORT ?? '8080';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy: { '/api': `http://127.0.0.1:${bffPort}` } },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 4000 },
});
