/**
 * The deploy project's world: the embedded server Playwright starts (the broker) behind
 * Debian's nginx serving dist/ with the site config from deploy/, on a free loopback port.
 * No nginx means a failed project, not a skipped one: CI installs it.
 */
import { test as base } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNginx, type RunningNginx } from '../../deploy/nginx-process';

export const BROKER = `http://127.0.0.1:${process.env.E2E_PORT}`;

type Nginx = RunningNginx & { accessLog: () => string };

export const test = base.extend<object, { nginx: Nginx }>({
  nginx: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const nginx = await startNginx({ root: 'dist', upstream: BROKER });
      try {
        await use({
          ...nginx,
          accessLog: () => readFileSync(join(nginx.prefix, 'access.log'), 'utf8'),
        });
      } finally {
        await nginx.stop();
      }
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ nginx }, use) => use(nginx.origin),
});

export { expect } from '@playwright/test';
