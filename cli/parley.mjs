#!/usr/bin/env node
// `npx parley run …`: registers tsx so the TypeScript sources run as they are (no build step).
import { register } from 'tsx/esm/api';

register();
await import('./parley.ts');
