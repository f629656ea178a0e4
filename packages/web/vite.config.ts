import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The dashboard: `npm run dev -w @tenure/web` proxies /api to a local `tenure serve`; `npm run build -w @tenure/web`
 * writes dist/, which the server serves at /.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The entry chunk is checked by hand (see README); echarts and antd's heavy components live in page chunks.
    chunkSizeWarningLimit: 900,
  },
});
