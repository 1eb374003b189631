/**
 * The command palette (Ctrl+K): open a saved request, switch environment, new request, theme,
 * layout, and every button of the Actions toolbar (read from the page when the palette opens,
 * so actions other features add appear without being listed here). Fuzzy filter:
 * core/ui/fuzzy.ts. WAI-ARIA combobox with a listbox popup (APG "editable combobox").
 */
import { useMemo, useState } from 'react';
import { Dialog } from '../components/dialog.tsx';
import { inputClass } from '../components/ui.tsx';
import { fuzzyFilter } from '../core/ui/fuzzy.ts';
import { toggledTheme } from '../core/ui/theme.ts';
import { newRequestClicked, requestOpened, useCollections, useSavedRequests } from '../stores/library-store.ts';
import { environmentActivated, useEnvironments } from '../stores/environments-store.ts';
import {
  getThemeChoice,
  orientationToggled,
  paletteToggled,
  shortcutsToggled,
  sidebarCollapseToggled,
  themeChosen,
} from '../stores/appearance-store.ts';
import { sendClicked } from '../stores/response-store.ts';
import { focusUrl } from './focus-url.ts';

interface Command {
  id: string;
  /** What the list shows and the filter matches. */
  title: string;
  /** A group shown after the title, e.g. `Saved request`. */
  kind: string;
  run: () => void;
}

const systemDark = () => globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

/** Buttons of the Actions toolbar (Save, Share, Code, Import, …), clicked as the person would. */
function toolbarCommands(): Command[] {
  const buttons = document.querySelectorAll<HTMLButtonElement>('[role="toolbar"][aria-label="Actions"] button');
  return [...buttons]
    .map((b) => ({ b, title: b.textContent?.trim() ?? '' }))
    .filter(({ b, title }) => !b.disabled && title !== '')
    .map(({ b, title }) => ({ id: `action:${title}`, title, kind: 'Action', run: () => b.click() }));
}

function useCommands(): Command[] {
  const requests = useSavedRequests();
  const collections = useCollections();
  const environments = useEnvironments();
  return useMemo(() => {
    const fixed: Command[] = [
      { id: 'new', title: 'New request', kind: 'Request', run: newRequestClicked },
      { id: 'send', title: 'Send', kind: 'Request', run: () => void sendClicked() },
      { id: 'url', title: 'Focus URL', kind: 'Request', run: focusUrl },
      {
        id: 'theme',
        title: 'Toggle theme (light / dark)',
        kind: 'View',
        run: () => themeChosen(toggledTheme(getThemeChoice(), systemDark())),
      },
      { id: 'theme-system', title: 'Theme: follow the system', kind: 'View', run: () => themeChosen('system') },
      { id: 'sidebar', title: 'Toggle sidebar', kind: 'View', run: sidebarCollapseToggled },
      { id: 'layout', title: 'Toggle stacked layout', kind: 'View', run: orientationToggled },
      { id: 'shortcuts', title: 'Keyboard shortcuts', kind: 'Help', run: () => shortcutsToggled(true) },
    ];
    const saved = Object.values(requests).map((r) => ({
      id: `request:${r.id}`,
      title: `${r.name} — ${r.draft.method} ${r.draft.url}`,
      kind: `Open · ${collections[r.collectionId]?.name ?? 'Saved'}`,
      run: () => requestOpened(r.id),
    }));
    const envs: Command[] = [
      { id: 'env:none', title: 'No environment', kind: 'Environment', run: () => environmentActivated(null) },
      ...environments.map((env) => ({
        id: `env:${env.id}`,
        title: `Use environment ${env.name || 'Untitled'}`,
        kind: 'Environment',
        run: () => environmentActivated(env.id),
      })),
    ];
    return [...toolbarCommands(), ...fixed, ...envs, ...saved];
  }, [requests, collections, environments]);
}

const close = () => paletteToggled(false);

export function CommandPalette() {
  const commands = useCommands();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => fuzzyFilter(commands, query, (c) => c.title).slice(0, 50), [commands, query]);
  const current = shown[Math.min(active, shown.length - 1)];

  const run = (command: Command | undefined) => {
    if (!command) return;
    close();
    // After the palette has closed and given focus back, so a dialog the command opens keeps it.
    setTimeout(command.run, 0);
  };

  return (
    <Dialog title="Command palette" onClose={close} size="wide">
      <input
        role="combobox"
        aria-label="Command"
        aria-expanded
        aria-controls="palette-list"
        aria-autocomplete="list"
        aria-activedescendant={current ? `palette-${current.id}` : undefined}
        placeholder="Type a command, a saved request or an environment"
        className={inputClass}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => (Math.min(i, shown.length - 1) + step + shown.length) % Math.max(shown.length, 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            run(current);
          }
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" className="mt-2 max-h-80 overflow-y-auto">
        {shown.map((c) => (
          // Keyboard users move through the options from the combobox (aria-activedescendant).
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- keys are handled on the combobox
          <li
            key={c.id}
            id={`palette-${c.id}`}
            role="option"
            aria-selected={c === current}
            onClick={() => run(c)}
            className={`flex cursor-pointer items-baseline justify-between gap-3 rounded px-2 py-1.5 text-[13px] ${
              c === current ? 'bg-indigo-50 text-indigo-900' : 'text-slate-800 hover:bg-slate-50'
            }`}
          >
            <span className="min-w-0 truncate">{c.title}</span>
            <span className="shrink-0 text-[11px] text-slate-500">{c.kind}</span>
          </li>
        ))}
        {shown.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled className="px-2 py-1.5 text-xs text-slate-500">
            No command matches “{query}”.
          </li>
        )}
      </ul>
    </Dialog>
  );
}
