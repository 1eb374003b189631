/**
 * Assertions without code (issue 15 §2–3): rows of a table, stored in the draft. Lenient
 * (`.catch`) like the rest of the draft, so a partly corrupt row still loads.
 */
import '../zod-setup.ts';
import { z } from 'zod';

import { ASSERTION_KINDS, ASSERTION_OPS } from './kinds.ts';

/**
 * One row. `kind` decides which fields matter:
 * - `status`: status code `equals` `expected` (e.g. `200`);
 * - `header`: header field `target` (any case) `equals` / `contains` / `matches` (regex) / `exists`;
 * - `jsonpath`: the value at JSONPath `target` (`$.data.items[0].id`) `equals` (JSON or text) / `matches` / `exists`;
 * - `responseTime`: milliseconds `below` `expected`;
 * - `jsonSchema`: the JSON content validates against the JSON Schema in `expected` (draft 2020-12);
 * - `setVariable`: stores the value at JSONPath `target` into the variable named `expected` (chaining).
 */
export const AssertionSchema = z.object({
  id: z.string().catch(''),
  enabled: z.boolean().catch(true),
  kind: z.enum(ASSERTION_KINDS).catch('status'),
  target: z.string().catch(''),
  op: z.enum(ASSERTION_OPS).catch('equals'),
  expected: z.string().catch(''),
});
export type Assertion = z.infer<typeof AssertionSchema>;
export type AssertionKind = Assertion['kind'];
export type AssertionOp = Assertion['op'];

/** Pre-request and post-response JavaScript of a request (Postman's `prerequest` / `test` events). */
export const RequestScriptsSchema = z
  .object({ preRequest: z.string().catch(''), postResponse: z.string().catch('') })
  .catch({ preRequest: '', postResponse: '' });
export type RequestScripts = z.infer<typeof RequestScriptsSchema>;
