/**
 * The values of the dynamic variables (`{{$guid}}`, `{{$timestamp}}`, …) in force. Each Send
 * makes new ones BEFORE it resolves the request, and they stay until the next Send, so the
 * request sent, its raw view and the code snippets all show the same values for that send.
 */
import { create } from 'zustand';
import { makeDynamicValues, type DynamicValues } from '../core/variables/dynamic.ts';

function fresh(): DynamicValues {
  return makeDynamicValues(Date.now(), crypto.getRandomValues(new Uint8Array(18)));
}

const useDynamicStore = create<{ values: DynamicValues }>()(() => ({ values: fresh() }));

/** The dynamic values every view resolves with now. */
export const useDynamicValues = (): DynamicValues => useDynamicStore((s) => s.values);
export const getDynamicValues = (): DynamicValues => useDynamicStore.getState().values;

/** A send is starting: new values for this send (and for the views, until the next one). */
export function dynamicValuesRenewed(): DynamicValues {
  const values = fresh();
  useDynamicStore.setState({ values });
  return values;
}
