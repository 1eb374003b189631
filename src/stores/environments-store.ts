/**
 * Environments: named sets of variables, one active (or none). `{{name}}` in the request
 * is replaced from the active one at resolve time. Persisted (small), versioned.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Environment, Variable } from '../core/model/variables.ts';
import { newId } from '../core/model/ids.ts';
import { safePersistStorage } from './settings-storage.ts';

interface EnvironmentsState {
  environments: Environment[];
  activeId: string | null;
}

const initial: EnvironmentsState = { environments: [], activeId: null };

const useEnvironmentsStore = create<EnvironmentsState>()(
  persist(() => initial, {
    name: 'parley.environments',
    version: 1,
    storage: safePersistStorage<EnvironmentsState>(),
    // Only stored data of another version is migrated: its schema (zod) loads then, not on every first load.
    migrate: async (persisted) => {
      const { EnvironmentSchema } = await import('../core/model/variables.ts');
      const p = (persisted ?? {}) as Partial<EnvironmentsState>;
      const environments = Array.isArray(p.environments)
        ? p.environments.flatMap((e) => {
            const parsed = EnvironmentSchema.safeParse(e);
            return parsed.success ? [parsed.data] : [];
          })
        : [];
      const activeId = environments.some((e) => e.id === p.activeId) ? (p.activeId ?? null) : null;
      return { environments, activeId };
    },
  }),
);

export const useEnvironments = (): Environment[] => useEnvironmentsStore((s) => s.environments);
export const useActiveEnvironmentId = (): string | null => useEnvironmentsStore((s) => s.activeId);
export const getEnvironmentsState = (): EnvironmentsState => useEnvironmentsStore.getState();

function updateEnvironment(id: string, update: (env: Environment) => Environment): void {
  useEnvironmentsStore.setState((s) => ({
    environments: s.environments.map((e) => (e.id === id ? update(e) : e)),
  }));
}

function updateVariable(envId: string, variableId: string, patch: Partial<Variable>): void {
  updateEnvironment(envId, (e) => ({
    ...e,
    variables: e.variables.map((v) => (v.id === variableId ? { ...v, ...patch } : v)),
  }));
}

/** Creates an environment, makes it active and returns its id. */
export function environmentAdded(name = 'New environment', variables: Omit<Variable, 'id'>[] = []): string {
  const id = newId();
  const env: Environment = { v: 1, id, name, variables: variables.map((v) => ({ ...v, id: newId() })) };
  useEnvironmentsStore.setState((s) => ({ environments: [...s.environments, env], activeId: id }));
  return id;
}

export function environmentRenamed(id: string, name: string): void {
  updateEnvironment(id, (e) => ({ ...e, name }));
}

export function environmentRemoved(id: string): void {
  useEnvironmentsStore.setState((s) => ({
    environments: s.environments.filter((e) => e.id !== id),
    activeId: s.activeId === id ? null : s.activeId,
  }));
}

export function environmentActivated(id: string | null): void {
  useEnvironmentsStore.setState((s) => ({
    activeId: id !== null && s.environments.some((e) => e.id === id) ? id : null,
  }));
}

export function variableAdded(envId: string): void {
  updateEnvironment(envId, (e) => ({
    ...e,
    variables: [...e.variables, { id: newId(), name: '', value: '', enabled: true, secret: false }],
  }));
}

export function variableNameEdited(envId: string, variableId: string, name: string): void {
  updateVariable(envId, variableId, { name });
}

export function variableValueEdited(envId: string, variableId: string, value: string): void {
  updateVariable(envId, variableId, { value });
}

export function variableToggled(envId: string, variableId: string, enabled: boolean): void {
  updateVariable(envId, variableId, { enabled });
}

export function variableSecretToggled(envId: string, variableId: string, secret: boolean): void {
  updateVariable(envId, variableId, { secret });
}

export function variableRemoved(envId: string, variableId: string): void {
  updateEnvironment(envId, (e) => ({ ...e, variables: e.variables.filter((v) => v.id !== variableId) }));
}

/**
 * Variables set by a script or an assertion's "set variable" (issue 15): upserted into the
 * active environment (`null` removes one). With no active environment, one named
 * "Script variables" is created and activated, so the values are visible and editable.
 */
export function scriptVariablesWritten(changes: Record<string, string | null>): void {
  let id = useEnvironmentsStore.getState().activeId;
  if (id === null || !useEnvironmentsStore.getState().environments.some((e) => e.id === id))
    id = environmentAdded('Script variables');
  updateEnvironment(id, (e) => {
    const variables = e.variables.filter(
      (v) => changes[v.name.trim()] !== null || !Object.hasOwn(changes, v.name.trim()),
    );
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) continue;
      const row = variables.find((v) => v.name.trim() === name);
      if (row) variables[variables.indexOf(row)] = { ...row, value, enabled: true };
      else variables.push({ id: newId(), name, value, enabled: true, secret: false });
    }
    return { ...e, variables };
  });
}
