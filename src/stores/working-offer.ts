/**
 * The working draft of a previous visit, when the person started editing before the library
 * loaded it (start-up renders the form at once: docs/performance.md). It is OFFERED, never
 * put over what they typed; the offer stays until they restore or dismiss it.
 */
import { create } from 'zustand';
import type { WorkingDraft } from '../core/library/records.ts';
import { editorLoaded } from './library-store.ts';

const useOfferStore = create<{ offered: WorkingDraft | null }>()(() => ({ offered: null }));

/** The previous visit's working draft on offer, or `null`. */
export const useOfferedWorkingDraft = (): WorkingDraft | null => useOfferStore((s) => s.offered);

/** Start-up found a stored working draft but the form was already edited: offer it. */
export function workingDraftOffered(working: WorkingDraft): void {
  useOfferStore.setState({ offered: working });
}

/** "Restore": the previous draft goes into the editor; the toast's Undo brings back what was typed. */
export function offeredDraftRestored(): void {
  const { offered } = useOfferStore.getState();
  if (!offered) return;
  useOfferStore.setState({ offered: null });
  editorLoaded(offered.draft, offered.originId, 'Restored your previous draft');
}

/** "Keep mine": the offer goes away; the editor keeps what was typed. */
export function offeredDraftDismissed(): void {
  useOfferStore.setState({ offered: null });
}
