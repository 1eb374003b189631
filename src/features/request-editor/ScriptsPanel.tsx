/** The Scripts tab: pre-request and post-response JavaScript (Postman's pm.* API, docs/scripts.md). */
import { CodeEditor } from '../../components/code-editor/CodeEditor.tsx';
import { scriptFieldsEdited, useScripts } from '../../stores/request-store.ts';

export function ScriptsPanel() {
  const scripts = useScripts() ?? { preRequest: '', postResponse: '' };
  const edit = (patch: Partial<typeof scripts>) => scriptFieldsEdited({ scripts: { ...scripts, ...patch } });
  return (
    <div className="grid h-full min-h-0 grid-rows-[auto_1fr_auto_1fr] gap-1 p-3">
      <p className="text-[11px] text-slate-500">
        Pre-request: runs before the request is built; changes to <code>pm.request</code> are what is sent.
      </p>
      <div className="min-h-[8rem] border border-slate-200">
        <CodeEditor
          value={scripts.preRequest}
          onChange={(preRequest) => edit({ preRequest })}
          language="javascript"
          ariaLabel="Pre-request script"
        />
      </div>
      <p className="pt-2 text-[11px] text-slate-500">
        Post-response: <code>pm.test</code>, <code>pm.expect</code>, <code>pm.response</code>; runs in a sandbox with a
        5 s limit.
      </p>
      <div className="min-h-[8rem] border border-slate-200">
        <CodeEditor
          value={scripts.postResponse}
          onChange={(postResponse) => edit({ postResponse })}
          language="javascript"
          ariaLabel="Post-response script"
        />
      </div>
    </div>
  );
}
