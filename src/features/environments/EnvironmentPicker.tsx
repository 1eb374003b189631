/** Toolbar control: the active environment and a button to edit environments. */
import { lazy, Suspense, useState } from 'react';
import { selectClass, Button } from '../../components/ui.tsx';
import { environmentActivated, useActiveEnvironmentId, useEnvironments } from '../../stores/environments-store.ts';

// Opened on demand: not part of the first load.
const EnvironmentEditor = lazy(() => import('./EnvironmentEditor.tsx').then((m) => ({ default: m.EnvironmentEditor })));

export function EnvironmentPicker() {
  const environments = useEnvironments();
  const activeId = useActiveEnvironmentId();
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <select
        aria-label="Environment"
        className={`${selectClass} max-w-44 !py-0.5 text-xs`}
        value={activeId ?? ''}
        onChange={(e) => environmentActivated(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">No environment</option>
        {environments.map((env) => (
          <option key={env.id} value={env.id}>
            {env.name || 'Untitled'}
          </option>
        ))}
      </select>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Environments
      </Button>
      {open && (
        <Suspense fallback={null}>
          <EnvironmentEditor onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
