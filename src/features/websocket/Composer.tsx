/** The composer: text, JSON or binary (hex or a file), saved message drafts of the request, ping, close. */
import { useState } from 'react';
import { Button, inputClass, selectClass } from '../../components/ui.tsx';
import type { WsMessageDraft } from '../../core/model/draft.ts';
import { utf8Length } from '../../core/websocket/message-format.ts';
import { useWebSocketSettings, websocketSettingsEdited } from '../../stores/request-store.ts';
import { bytesSent, closeClicked, messageSent, pingClicked, useWsStatus } from './websocket-store.ts';

type Kind = WsMessageDraft['kind'];

export function Composer() {
  const status = useWsStatus();
  const settings = useWebSocketSettings();
  const drafts = settings?.messages ?? [];
  const [kind, setKind] = useState<Kind>('text');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('1000');
  const [reason, setReason] = useState('');
  const open = status === 'open';
  const saveDraft = () => {
    const entry: WsMessageDraft = {
      id: crypto.randomUUID(),
      name: name.trim() || `Message ${drafts.length + 1}`,
      kind,
      text,
    };
    websocketSettingsEdited({ messages: [...drafts, entry] });
    setName('');
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <select
          aria-label="Message type"
          className={selectClass}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          <option value="text">Text</option>
          <option value="json">JSON</option>
          <option value="binary">Binary (hex)</option>
        </select>
        <span className="text-xs text-slate-500">
          {kind === 'binary' ? 'hex pairs, e.g. de ad be ef' : `${utf8Length(text).toLocaleString('en-US')} B as UTF-8`}
        </span>
        <label className="ml-auto cursor-pointer text-xs text-indigo-700 underline">
          Send file
          <input
            type="file"
            aria-label="Send file"
            className="sr-only"
            disabled={!open}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.arrayBuffer().then((b) => bytesSent(new Uint8Array(b)));
            }}
          />
        </label>
      </div>
      <textarea
        aria-label="Message"
        className={`${inputClass} h-20 font-mono`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            messageSent(kind, text);
          }
        }}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" disabled={!open} onClick={() => messageSent(kind, text)}>
          Send message
        </Button>
        <Button disabled={!open} onClick={() => pingClicked('')}>
          Ping
        </Button>
        <input
          aria-label="Message draft name"
          placeholder="Draft name"
          className={`${inputClass} !w-36`}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button onClick={saveDraft}>Save message draft</Button>
        <span className="ml-auto flex items-center gap-1">
          <input
            aria-label="Close code"
            className={`${inputClass} !w-16`}
            inputMode="numeric"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <input
            aria-label="Close reason"
            placeholder="Reason"
            className={`${inputClass} !w-40`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button disabled={!open} onClick={() => closeClicked(Number(code), reason)}>
            Close
          </Button>
        </span>
      </div>
      {drafts.length > 0 && (
        <ul aria-label="Saved messages" className="flex flex-wrap gap-1">
          {drafts.map((d) => (
            <li key={d.id} className="flex items-center rounded border border-slate-200 text-xs">
              <button
                type="button"
                className="px-2 py-0.5 hover:bg-slate-50"
                title={d.text.slice(0, 200)}
                onClick={() => {
                  setKind(d.kind);
                  setText(d.text);
                }}
              >
                {`${d.name} (${d.kind})`}
              </button>
              <button
                type="button"
                aria-label={`Delete ${d.name}`}
                className="px-1 text-slate-400 hover:text-red-600"
                onClick={() => websocketSettingsEdited({ messages: drafts.filter((m) => m.id !== d.id) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
