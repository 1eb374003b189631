/**
 * The Share dialog: the link (derived from the current draft, never stored), Copy, what was
 * left out, and an Include secrets checkbox with its warning.
 */
import { useMemo, useState } from 'react';
import { Button, Notice, inputClass } from '../../components/ui.tsx';
import { encodeShare, LONG_LINK_CHARS } from '../../core/share/codec.ts';
import { describeOmitted } from './omitted-text.ts';
import { shareUrl } from '../../services/location-hash.ts';
import { useDraft } from '../../stores/request-store.ts';
import { includeSecretsToggled, shareDialogClosed, useIncludeSecrets } from '../../stores/library-share.ts';
import { Dialog } from '../../components/dialog.tsx';

export function ShareDialog() {
  const draft = useDraft();
  const includeSecrets = useIncludeSecrets();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const { link, omitted, withSecrets } = useMemo(() => {
    const shared = encodeShare(draft, { includeSecrets });
    // What "Include secrets" would add, so the checkbox only appears when it matters.
    const stripped = includeSecrets ? encodeShare(draft).omitted : shared.omitted;
    return {
      link: shareUrl(shared.fragment),
      omitted: shared.omitted,
      withSecrets: stripped.filter((o) => o.where !== 'body').length,
    };
  }, [draft, includeSecrets]);
  const copy = () => {
    navigator.clipboard.writeText(link).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <Dialog title="Share request" onClose={shareDialogClosed} size="wide">
      <div className="flex flex-col gap-3">
        <p className="text-xs text-slate-600">
          The request travels inside the link, after <code>#</code>: it is never sent to a server. Opening it loads the
          request without sending it.
        </p>
        {/* The field takes the room; the button keeps its label on one line at any width. */}
        <div className="flex items-center gap-2">
          <input
            readOnly
            aria-label="Share link"
            className={`${inputClass} min-w-0 flex-1 font-mono text-[11.5px]`}
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button variant="primary" className="shrink-0 whitespace-nowrap" onClick={copy}>
            Copy link
          </Button>
        </div>
        <p className="text-[11px] text-slate-500" aria-live="polite">
          {link.length.toLocaleString('en')} characters
          {copied === 'yes'
            ? ' — copied'
            : copied === 'failed'
              ? ' — copying failed: select the link and copy it by hand'
              : ''}
        </p>
        {link.length > LONG_LINK_CHARS && (
          <Notice tone="warning">
            This link is {link.length.toLocaleString('en')} characters long. Some chat tools, mail clients and servers
            cut links longer than about {LONG_LINK_CHARS.toLocaleString('en')} characters; check that it arrives whole.
          </Notice>
        )}
        {omitted.length > 0 && (
          <div>
            <h3 className="mb-1 text-xs font-semibold text-slate-700">Left out of the link</h3>
            <ul aria-label="Left out of the link" className="list-disc pl-5 text-xs text-slate-700">
              {omitted.map((o, i) => (
                <li key={i}>{describeOmitted(o)}</li>
              ))}
            </ul>
          </div>
        )}
        {(withSecrets > 0 || includeSecrets) && (
          <label className="flex items-center gap-2 text-xs text-slate-800">
            <input type="checkbox" checked={includeSecrets} onChange={(e) => includeSecretsToggled(e.target.checked)} />
            Include secrets
          </label>
        )}
        {includeSecrets && (
          <Notice tone="error">
            Anyone who gets this link can read the tokens, passwords and keys in it, and links end up in chat logs and
            browser histories. Share it only with people you trust, over a private channel.
          </Notice>
        )}
        <div className="flex justify-end">
          <Button onClick={shareDialogClosed}>Close</Button>
        </div>
      </div>
    </Dialog>
  );
}
