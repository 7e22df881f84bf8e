import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: import.meta.dirname });

/** The rule ids and messages ESLint reports for `code` placed at `filePath`. */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const forbidden: Array<[string, string, string, RegExp]> = [
  [
    'a feature importing another (sibling path)',
    'src/features/orders/x.ts',
    '../alerts/alert-feed',
    /features do not import each other/,
  ],
  [
    'a feature importing another (via src)',
    'src/features/orders/x.ts',
    '../../features/news/news-page',
    /features do not import each other/,
  ],
  [
    'a feature importing the app',
    'src/features/orders/x.ts',
    '../../app/layout',
    /features never import the app/,
  ],
  [
    'a feature importing the socket',
    'src/features/orders/x.ts',
    '../../socket/dispatcher',
    /through src\/stores/,
  ],
  [
    'a component importing a feature',
    'src/components/ui/x.ts',
    '../../features/orders/orders-page',
    /shared components/,
  ],
  [
    'a store importing the socket',
    'src/stores/orders/x.ts',
    '../../socket/types',
    /stores depend only on protocol/,
  ],
  [
    'a store importing the session',
    'src/stores/x.ts',
    '../session/use-stream',
    /stores depend only on protocol/,
  ],
  [
    'the socket importing the session',
    'src/socket/x.ts',
    '../session/session',
    /the socket layer knows nothing/,
  ],
  [
    'the session importing a feature',
    'src/session/x.ts',
    '../features/auth/sign-in-page',
    /below the pages/,
  ],
  ['lib importing a store', 'src/lib/x.ts', '../stores', /shared code below the stores/],
  ['the protocol importing lib', 'src/protocol/x.ts', '../lib/decimal', /stands alone/],
  [
    'the app importing the server',
    'src/app/x.ts',
    '../../server/users',
    /never imports the server/,
  ],
];

describe('architecture boundaries in the lint config', () => {
  it.each(forbidden)('refuses %s', async (_name, filePath, from, message) => {
    const found = await problems(filePath, `import * as m from '${from}';\nexport const x = m;\n`);
    expect(found.join('\n')).toMatch(message);
  });

  it('allows the downward direction', async () => {
    const code = [
      "import { useStream } from '../../session/use-stream';",
      "import { useOrdersView } from '../../stores';",
      "import { formatMoney } from '../../lib/format';",
      "import type { ConnectionState } from '../../socket/types';",
      'export const x = [useStream, useOrdersView, formatMoney];',
      'export type Y = ConnectionState;',
    ].join('\n');
    expect(await problems('src/features/orders/x.ts', code)).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    // session.tsx imports session-store.ts; a session store importing the session closes a loop.
    const found = await problems(
      'src/session/session-store.ts',
      "import { useSession } from './session';\nexport const x = useSession;\n",
    );
    expect(found.join('\n')).toMatch(/import-x\/no-cycle/);
  });
});
