/**
 * The Share dialog: the link (derived from the current draft, never stored), Copy, what was
 * left out with a Keep checkbox per secret (core/secrets finds them), an Include secrets
 * checkbox that keeps them all, and a warning whenever one is kept.
 */
import { useMemo, useState } from 'react';
import { Button, Notice, inputClass } from '../../components/ui.tsx';
import { encodeShare, LONG_LINK_CHARS } from '../../core/share/codec.ts';
import { describeFinding, describeOmitted } from './omitted-text.ts';
import { SecretChecklist } from '../../components/secret-checklist.tsx';
import { shareUrl } from '../../services/location-hash.ts';
import { useDraft } from '../../stores/request-store.ts';
import {
  includeSecretsToggled,
  secretKeepToggled,
  shareDialogClosed,
  useKeptSecrets,
} from '../../stores/library-share.ts';
import { Dialog } from '../../components/dialog.tsx';

export function ShareDialog() {
  const draft = useDraft();
  const keptKeys = useKeptSecrets();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const { link, findings, files, kept } = useMemo(() => {
    const keep = new Set(keptKeys);
    const shared = encodeShare(draft, { keep });
    return {
      link: shareUrl(shared.fragment),
      findings: shared.findings,
      // What no checkbox can bring back: the bytes of files live in this browser only.
      files: shared.omitted.filter((o) => o.where === 'body' && o.name.startsWith('File ')),
      kept: keep,
    };
  }, [draft, keptKeys]);
  const leftOut = findings.filter((f) => !kept.has(f.key));
  const keptItems = findings.filter((f) => kept.has(f.key));
  const includeAll = findings.length > 0 && leftOut.length === 0;
  const toItems = (fs: typeof findings) => fs.map((f) => ({ key: f.key, text: describeFinding(f) }));
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
        {(leftOut.length > 0 || files.length > 0) && (
          <div>
            <h3 className="mb-1 text-xs font-semibold text-slate-700">Left out of the link</h3>
            {leftOut.length > 0 && (
              <p className="mb-1 text-[11px] text-slate-500">Tick an item to keep it in the link deliberately.</p>
            )}
            <SecretChecklist
              label="Left out of the link"
              items={toItems(leftOut)}
              kept={kept}
              onToggle={secretKeepToggled}
              extra={files.map(describeOmitted)}
            />
          </div>
        )}
        {keptItems.length > 0 && (
          <div>
            <h3 className="mb-1 text-xs font-semibold text-red-800">Kept in the link</h3>
            <SecretChecklist
              label="Kept in the link"
              items={toItems(keptItems)}
              kept={kept}
              onToggle={secretKeepToggled}
            />
          </div>
        )}
        {findings.length > 0 && (
          <label className="flex items-center gap-2 text-xs text-slate-800">
            <input
              type="checkbox"
              checked={includeAll}
              onChange={(e) =>
                includeSecretsToggled(
                  e.target.checked,
                  findings.map((f) => f.key),
                )
              }
            />
            Include secrets
          </label>
        )}
        {keptItems.length > 0 && (
          <Notice tone="error">
            Anyone who gets this link can read the tokens, passwords and keys kept in it, and links end up in chat logs
            and browser histories. Share it only with people you trust, over a private channel.
          </Notice>
        )}
        <div className="flex justify-end">
          <Button onClick={shareDialogClosed}>Close</Button>
        </div>
      </div>
    </Dialog>
  );
}
