/**
 * Zod without its `new Function` fast path. The app's Content-Security-Policy has no
 * `'unsafe-eval'` (docs/security.md), and zod probes for eval with a caught `new Function('')`
 * when an object schema is built, which still raises a `securitypolicyviolation`. Every module
 * that builds a zod schema imports this module first, so the setting precedes the first schema
 * whatever order the bundle evaluates modules in. Parsing is unchanged; only the JIT is off.
 */
import { z } from 'zod';

z.config({ jitless: true });
