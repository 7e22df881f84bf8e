/**
 * `npm start`: the embedded server and the Vite dev server together, one command.
 * The app calls same-origin URLs; Vite proxies /v1 (socket included) to the server.
 */
import { createServer } from 'vite';
import { startServer } from '../server/index';

async function main(): Promise<void> {
  const api = await startServer({ port: Number(process.env.PORT ?? 8787) });
  process.env.SERVER_PORT = String(api.port);
  const vite = await createServer({
    server: { host: '127.0.0.1', port: Number(process.env.APP_PORT ?? 5173), strictPort: false },
  });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  console.log(`
  Aries Trader is running.
    Open        ${url}
    Sign in as  demo / demo   (or other / other)
    Server      ${api.httpUrl}  (socket ${api.wsUrl})
  Ctrl+C stops both.
`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([vite.close(), api.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
