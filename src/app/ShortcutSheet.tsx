/** The keyboard shortcut sheet (`?`): every shortcut Parley has, in one table. */
import { Dialog } from '../components/dialog.tsx';
import { shortcutsToggled } from '../stores/appearance-store.ts';

const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
const mod = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  [`${mod}+K`, 'Command palette: open a request, switch environment, any action'],
  [`${mod}+Enter`, 'Send (from anywhere, the body editor included)'],
  ['Escape', 'Cancel the request in flight; close a dialog'],
  [`${mod}+L`, 'Focus the URL field'],
  [`${mod}+S`, 'Save'],
  [`${mod}+U`, 'Share as a link'],
  [`${mod}+M`, 'In the body editor: Tab moves focus instead of indenting'],
  ['← → Home End', 'Move between tabs of a tab list'],
  ['Arrow keys, Home, End', 'Move a focused pane divider'],
  ['?', 'This sheet (when not typing in a field)'],
];

export function ShortcutSheet() {
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => shortcutsToggled(false)} size="wide">
      <table className="w-full text-left text-xs">
        <thead>
          <tr className="text-slate-500">
            <th scope="col" className="py-1 pr-4 font-semibold">
              Keys
            </th>
            <th scope="col" className="py-1 font-semibold">
              Does
            </th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys} className="border-t border-slate-100">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-[11px] text-slate-800">
                  {keys}
                </kbd>
              </td>
              <td className="py-1.5 text-slate-700">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex justify-end">
        <button
          type="button"
          className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
          onClick={() => shortcutsToggled(false)}
        >
          Close
        </button>
      </div>
    </Dialog>
  );
}
