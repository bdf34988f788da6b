import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev the SPA runs on Vite (5173) and the API on the BFF (8080).
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 4000 },
});
