import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const lib = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);
const antdFamily = lib(
  'antd|@ant-design|@rc-component|rc-[\\w-]+|@emotion|stylis|dayjs|async-validator|classnames|clsx|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|json2mc|resize-observer-polyfill',
);

/**
 * The web app lives in web/ and is served from web/dist by the Fastify server. Chunks are split so that
 * the sign-in page loads React, the router and only the antd pieces the shell needs up front; the rest
 * of antd arrives with the signed-in pages, and ECharts only with a page that draws a chart.
 */
export default defineConfig({
  root: path.join(root, 'web'),
  publicDir: false,
  resolve: { alias: { '@shared': path.join(root, 'shared') } },
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: path.join(root, 'web/dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: lib('echarts|zrender|tslib'), priority: 40 },
            { name: 'react', test: lib('react|react-dom|scheduler|react-router|react-router-dom|@tanstack'), priority: 30 },
            // antd needed before sign-in (ConfigProvider, Form, Input, Button…): part of the first load.
            { name: 'antd-base', test: antdFamily, tags: ['$initial'], priority: 20 },
            // Everything else from antd (Table, Menu, TreeSelect…) loads with the signed-in shell.
            { name: 'antd', test: antdFamily, priority: 10 },
          ],
        },
      },
    },
  },
});
