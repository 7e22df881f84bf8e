/**
 * The protocol's one zod import. The built app runs under a CSP without 'unsafe-eval'
 * (server/http/csp.ts); zod probes `new Function` when an object schema is created, to decide
 * whether to compile validators, and CSP reports that probe as a violation. Interpreted mode
 * measured as fast for our message shapes (10–18 µs per frame either way), so it is configured
 * here, before any schema in src/protocol is built (they all import `z` from this module).
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
