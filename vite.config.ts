import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './server/http/csp.ts';
import { precompress } from './deploy/precompress.ts';
import { quietSocketResets } from './scripts/dev-logger.ts';

// In development the app talks to the embedded server through this proxy, so the client
// always uses same-origin URLs and never needs CORS or a configured host.
const serverOrigin = `http://127.0.0.1:${process.env.SERVER_PORT ?? 8787}`;
const proxy = {
  '/v1': { target: serverOrigin, ws: true, changeOrigin: true },
  '/__control': { target: serverOrigin, changeOrigin: true },
};

/** Writes the CSP into the built index.html (dev keeps Vite's inline HMR client working). */
function csp(): Plugin {
  return {
    name: 'aries-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy({
            connect: [process.env.VITE_ACCOUNTS_WS_URL, process.env.VITE_API_BASE_URL],
          }),
        },
        injectTo: 'head',
      },
    ],
  };
}

/**
 * Declares the protocol modules free of side effects (they declare types, schemas and constants),
 * so a chunk that takes one constant from the barrel, like the sign-in page, does not carry every
 * schema and zod with it. zod.ts is the exception: it configures zod before any schema is built.
 */
function pureProtocol(): Plugin {
  const pure = /\/src\/protocol\/(?!zod\.ts$)[^/]+\.ts$/;
  return {
    name: 'aries-pure-protocol',
    apply: 'build',
    transform: (code, id) => (pure.test(id) ? { code, moduleSideEffects: false } : null),
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), csp(), pureProtocol(), precompress()],
  customLogger: quietSocketResets(),
  server: { host: '127.0.0.1', proxy },
  preview: { host: '127.0.0.1', proxy },
  build: {
    sourcemap: false,
    // Brotli at its highest level is meant to take seconds; that is not worth a warning per build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'server/**/*.test.ts',
      'deploy/**/*.test.ts',
      'scripts/**/*.test.ts',
      '*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
