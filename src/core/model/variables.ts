/** Environments: named sets of variables, one active. `{{name}}` is replaced at resolve time. */
import '../zod-setup.ts';
import { z } from 'zod';

export const VariableSchema = z.object({
  id: z.string().catch(''),
  name: z.string().catch(''),
  value: z.string().catch(''),
  enabled: z.boolean().catch(true),
  /** Masked in the UI and left out of share links unless asked. */
  secret: z.boolean().catch(false),
});
export type Variable = z.infer<typeof VariableSchema>;

export const EnvironmentSchema = z.object({
  v: z.literal(1).catch(1),
  id: z.string(),
  name: z.string().catch('Environment'),
  variables: z.array(VariableSchema).catch([]),
});
export type Environment = z.infer<typeof EnvironmentSchema>;
