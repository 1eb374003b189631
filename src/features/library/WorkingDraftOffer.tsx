/** Offers the previous visit's working draft when the form was edited before it loaded (stores/working-offer.ts). */
import { Button, Notice } from '../../components/ui.tsx';
import { offeredDraftDismissed, offeredDraftRestored, useOfferedWorkingDraft } from '../../stores/working-offer.ts';

export function WorkingDraftOffer() {
  const offered = useOfferedWorkingDraft();
  if (!offered) return null;
  const target = `${offered.draft.method} ${offered.draft.url}`;
  return (
    <div role="alert" aria-label="Previous draft">
      <Notice tone="info" className="flex items-center gap-2 rounded-none">
        <span className="min-w-0 flex-1 truncate">
          You started editing before your previous draft loaded, so it was not put over your changes:{' '}
          <code>{target}</code>
        </span>
        <Button variant="secondary" onClick={offeredDraftRestored}>
          Restore previous draft
        </Button>
        <Button variant="ghost" onClick={offeredDraftDismissed}>
          Keep mine
        </Button>
      </Notice>
    </div>
  );
}
