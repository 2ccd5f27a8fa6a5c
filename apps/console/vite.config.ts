import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The desk console, served by the server at /console (static files, like the H5 app at /). The
 * mini-program's shared labels and formatters (`@miniapp-shared`) and its dashboard's chart specs
 * (`@miniapp-features`) are imported from its source, so the two merchant UIs name and draw alike; API types come from the same generated schema.
 */
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: {
      '@miniapp-shared': fileURLToPath(new URL('../miniapp/src/shared', import.meta.url)),
      '@miniapp-features': fileURLToPath(new URL('../miniapp/src/features', import.meta.url)),
    },
  },
  build: { outDir: 'dist', manifest: true, chunkSizeWarningLimit: 1200, reportCompressedSize: false },
});
