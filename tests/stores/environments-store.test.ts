import { describe, expect, it } from 'vitest';
import {
  environmentActivated,
  environmentAdded,
  environmentRemoved,
  getEnvironmentsState,
  variableAdded,
  variableNameEdited,
  variableSecretToggled,
  variableToggled,
  variableValueEdited,
} from '../../src/stores/environments-store.ts';
import { activeVariables } from '../../src/core/variables/substitute.ts';

const vars = () => {
  const s = getEnvironmentsState();
  return activeVariables(s.environments, s.activeId);
};

describe('environments store', () => {
  it('adds an active environment, edits variables, and deactivates when removed', () => {
    const id = environmentAdded('Local');
    expect(getEnvironmentsState().activeId).toBe(id);
    variableAdded(id);
    const v = getEnvironmentsState().environments.find((e) => e.id === id)!.variables[0]!;
    variableNameEdited(id, v.id, 'host');
    variableValueEdited(id, v.id, '127.0.0.1:8080');
    variableSecretToggled(id, v.id, true);
    expect(vars()).toEqual({ host: '127.0.0.1:8080' });
    expect(getEnvironmentsState().environments.find((e) => e.id === id)!.variables[0]!.secret).toBe(true);
    variableToggled(id, v.id, false);
    expect(vars()).toEqual({});
    environmentActivated(null);
    expect(getEnvironmentsState().activeId).toBeNull();
    environmentActivated('no-such-id');
    expect(getEnvironmentsState().activeId).toBeNull();
    environmentActivated(id);
    environmentRemoved(id);
    expect(getEnvironmentsState().activeId).toBeNull();
    expect(getEnvironmentsState().environments.some((e) => e.id === id)).toBe(false);
  });
});
