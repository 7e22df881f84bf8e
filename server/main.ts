/** `npm run server`: the embedded server alone, configured from the environment. */
import { startServer } from './index';

const server = await startServer().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
console.log(`Aries embedded server on ${server.httpUrl}`);
console.log(`  WebSocket  ${server.wsUrl}`);
console.log(
  `  demo users demo/demo, other/other; control API ${server.config.control ? 'ON' : 'off'}`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
