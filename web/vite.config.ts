/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The C++ server serves dist/ at the site root and falls back to index.html for non-API paths.
// `npm run dev` proxies the API (and the events WebSocket) to a locally running server.
const apiTarget = process.env.CITYSAFE_URL ?? 'http://127.0.0.1:18080';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        // The MapLibre worker ships as .mjs; emit it as .js so any static server sends a JS MIME type.
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith('.mjs')) ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, ws: true, changeOrigin: false },
      '/healthz': apiTarget,
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
