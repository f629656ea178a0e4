import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * echarts-for-react 3.0.6 imports tslib in its ESM build without declaring it, and npm installs tslib only
 * nested under echarts (which pins it). Resolve it from there, as echarts itself would.
 */
const fromEcharts = createRequire(createRequire(import.meta.url).resolve('echarts/package.json'));
const tslib = join(dirname(fromEcharts.resolve('tslib')), 'tslib.es6.js');

/**
 * The dashboard: `npm run dev -w @tenure/web` proxies /api to a local `tenure serve`; `npm run build -w @tenure/web`
 * writes dist/, which the server serves at /.
 */
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { tslib } },
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
