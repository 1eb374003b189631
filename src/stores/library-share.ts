/**
 * Share links, app side: the Share dialog's state and opening a link the page was loaded
 * with. The link itself is derived (encodeShare of the current draft), never stored.
 */
import { create } from 'zustand';
import { isShareFragment } from '../core/share/fragment.ts';
import type { OmittedField } from '../core/share/secrets.ts';
import { newId } from '../core/model/ids.ts';
import { clearHash, onHashChange, readHash } from '../services/location-hash.ts';
import { draftOpened } from './library-store.ts';

interface ShareState {
  dialogOpen: boolean;
  /** Keys of the secret findings the person chose to keep in the link (see core/secrets). */
  keptSecrets: readonly string[];
  /** After opening a link: what the sender left out (to fill in), or why it could not open. */
  received: { omitted: OmittedField[] } | { error: string } | null;
}

const NONE: readonly string[] = [];
const useShareStore = create<ShareState>()(() => ({ dialogOpen: false, keptSecrets: NONE, received: null }));

export const useShareDialogOpen = (): boolean => useShareStore((s) => s.dialogOpen);
export const useKeptSecrets = (): readonly string[] => useShareStore((s) => s.keptSecrets);
export const useShareReceived = (): ShareState['received'] => useShareStore((s) => s.received);

/** Share button / Ctrl+U. Every secret is left out again each time the dialog opens. */
export const shareClicked = (): void => useShareStore.setState({ dialogOpen: true, keptSecrets: NONE });
export const shareDialogClosed = (): void => useShareStore.setState({ dialogOpen: false, keptSecrets: NONE });
/** One secret's Keep checkbox. */
export const secretKeepToggled = (key: string, keep: boolean): void =>
  useShareStore.setState((s) => ({
    keptSecrets: keep ? [...s.keptSecrets.filter((k) => k !== key), key] : s.keptSecrets.filter((k) => k !== key),
  }));
/** Include secrets: keep every finding (`keys`), or none. */
export const includeSecretsToggled = (include: boolean, keys: readonly string[]): void =>
  useShareStore.setState({ keptSecrets: include ? [...keys] : NONE });
export const receivedNoticeDismissed = (): void => useShareStore.setState({ received: null });

/**
 * Opens the share link in the page's fragment, if any: the request becomes a NEW unsaved draft
 * (never sent), the notice lists what to fill in, and the fragment is cleared. A bad link
 * changes nothing but the notice.
 */
export async function shareHashChecked(hash: string = readHash()): Promise<void> {
  if (!isShareFragment(hash)) return;
  clearHash();
  // The codec (with DEFLATE) loads only when a link is opened, keeping it out of the first load.
  let decodeShare: typeof import('../core/share/codec.ts').decodeShare;
  try {
    ({ decodeShare } = await import('../core/share/codec.ts'));
  } catch {
    useShareStore.setState({
      received: { error: 'Parley could not load the code that reads share links (offline?). Reload to try again.' },
    });
    return;
  }
  const result = decodeShare(hash, newId);
  if (!result.ok) {
    useShareStore.setState({ received: { error: result.message } });
    return;
  }
  draftOpened(result.draft, 'Opened a shared request (not sent)');
  useShareStore.setState({ received: { omitted: result.omitted } });
}

let unsubscribe: (() => void) | null = null;
/** Also open links pasted into the address bar of an already open tab. */
export function shareLinksWatched(): void {
  unsubscribe ??= onHashChange((hash) => void shareHashChecked(hash));
}
