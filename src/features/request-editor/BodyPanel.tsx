/** Body mode picker and the editor for each mode. */
import { lazy, Suspense, useId } from 'react';
import type { BodyMode } from '../../core/model/draft.ts';
import { Notice, selectClass } from '../../components/ui.tsx';
import { useResolved } from '../../stores/request-derived.ts';
import { bodyModeChanged, useBody } from '../../stores/request-store.ts';
import { fieldProblems } from './problems.ts';
import { TextBodyEditor } from './TextBodyEditor.tsx';

// The default body is JSON: the form, multipart and binary editors load when chosen, not on first load.
const FormBodyEditor = lazy(() => import('./FormBodyEditor.tsx').then((m) => ({ default: m.FormBodyEditor })));
const MultipartBodyEditor = lazy(() =>
  import('./MultipartBodyEditor.tsx').then((m) => ({ default: m.MultipartBodyEditor })),
);
const GraphqlBodyEditor = lazy(() => import('./GraphqlBodyEditor.tsx').then((m) => ({ default: m.GraphqlBodyEditor })));
const BinaryBodyEditor = lazy(() => import('./BinaryBodyEditor.tsx').then((m) => ({ default: m.BinaryBodyEditor })));

const MODES: { mode: BodyMode; label: string }[] = [
  { mode: 'none', label: 'None' },
  { mode: 'json', label: 'JSON' },
  { mode: 'text', label: 'Text' },
  { mode: 'xml', label: 'XML' },
  { mode: 'form-urlencoded', label: 'Form URL-encoded' },
  { mode: 'multipart', label: 'Multipart form' },
  { mode: 'binary', label: 'Binary file' },
  { mode: 'graphql', label: 'GraphQL' },
];

export function BodyPanel() {
  const body = useBody();
  const resolved = useResolved();
  const id = useId();
  const contentType = resolved.request?.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const size = resolved.request?.body?.byteLength;
  // The JSON editor's own status line already shows a parse error with its position.
  const problems = fieldProblems(resolved.problems, 'body').filter(
    (p) => !(body.mode === 'json' && p.severity === 'warning' && p.message.startsWith('The JSON body does not parse')),
  );

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-3 px-3 py-2">
        <label htmlFor={id} className="text-xs font-medium text-slate-600">
          Body type
        </label>
        <select
          id={id}
          aria-label="Body type"
          className={selectClass}
          value={body.mode}
          onChange={(e) => bodyModeChanged(e.target.value as BodyMode)}
        >
          {MODES.map((m) => (
            <option key={m.mode} value={m.mode}>
              {m.label}
            </option>
          ))}
        </select>
        {body.mode !== 'none' && (
          <span className="text-[11px] text-slate-500">
            {contentType && (
              <>
                Content-Type <code className="rounded bg-slate-100 px-1 text-slate-700">{contentType}</code>
              </>
            )}
            {size !== undefined && <span className="ml-2">{size.toLocaleString('en-US')} bytes</span>}
          </span>
        )}
      </div>
      {problems.length > 0 && (
        <div className="space-y-1 px-3 pb-2">
          {problems.map((p, i) => (
            <Notice key={i} tone={p.severity === 'error' ? 'error' : 'warning'}>
              {p.message}
            </Notice>
          ))}
        </div>
      )}
      <div className="min-h-0 flex-1">
        {body.mode === 'none' && (
          <p className="px-3 py-2 text-xs text-slate-500">This request has no body. No Content-Type is sent.</p>
        )}
        {(body.mode === 'json' || body.mode === 'text' || body.mode === 'xml') && (
          <TextBodyEditor mode={body.mode} text={body.text} />
        )}
        <Suspense fallback={null}>
          {body.mode === 'form-urlencoded' && <FormBodyEditor fields={body.fields} />}
          {body.mode === 'multipart' && <MultipartBodyEditor parts={body.parts} />}
          {body.mode === 'binary' && <BinaryBodyEditor file={body.file} />}
          {body.mode === 'graphql' && (
            <GraphqlBodyEditor query={body.query} variables={body.variables} operationName={body.operationName} />
          )}
        </Suspense>
      </div>
    </div>
  );
}
