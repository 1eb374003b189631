/** Derived (never stored): whether the editor holds changes that are not saved. */
import { useMemo } from 'react';
import { sameDraft } from '../../core/library/compare.ts';
import { useDraft } from '../../stores/request-store.ts';
import { useOrigin, useOriginId } from '../../stores/library-store.ts';

export interface EditorOrigin {
  /** Name of the saved request the editor came from, `null` for a new request. */
  name: string | null;
  /** True when saving would change something (a new request is always unsaved). */
  unsaved: boolean;
}

export function useEditorOrigin(): EditorOrigin {
  const draft = useDraft();
  const originId = useOriginId();
  const origin = useOrigin();
  return useMemo(() => {
    if (!originId || !origin) return { name: null, unsaved: true };
    return { name: origin.name, unsaved: !sameDraft(draft, origin.draft) };
  }, [draft, originId, origin]);
}
