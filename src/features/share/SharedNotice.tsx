/** After a share link was opened: what to fill in (left out by the sender), or why the link could not open. */
import { Button, Notice } from '../../components/ui.tsx';
import { receivedNoticeDismissed, useShareDialogOpen, useShareReceived } from '../../stores/library-share.ts';
import { lazy, Suspense } from 'react';
import { describeOmitted } from './omitted-text.ts';

// The dialog carries the codec (DEFLATE): loaded on first Share, not with the page.
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));

export function SharedNotice() {
  const received = useShareReceived();
  if (!received) return null;
  if ('error' in received) {
    return (
      <div role="alert" aria-label="Share link">
        <Notice tone="error" className="flex items-start gap-2 rounded-none">
          <span className="flex-1">The shared link could not be opened. {received.error} Nothing was changed.</span>
          <Button variant="ghost" onClick={receivedNoticeDismissed}>
            Dismiss
          </Button>
        </Notice>
      </div>
    );
  }
  return (
    <div role="status" aria-label="Shared request">
      <Notice tone="info" className="flex items-start gap-2 rounded-none">
        <div className="flex-1">
          <p>Opened a shared request as a new, unsaved request. It was not sent.</p>
          {received.omitted.length > 0 && (
            <p>
              The sender left out — fill in and enable before sending:{' '}
              <span aria-label="Fill in">{received.omitted.map(describeOmitted).join(', ')}</span>
            </p>
          )}
        </div>
        <Button variant="ghost" onClick={receivedNoticeDismissed}>
          Dismiss
        </Button>
      </Notice>
    </div>
  );
}

/** Mount point for the Share dialog (open state lives in the share store). */
export function ShareDialogHost() {
  const open = useShareDialogOpen();
  return open ? (
    <Suspense fallback={null}>
      <ShareDialog />
    </Suspense>
  ) : null;
}
