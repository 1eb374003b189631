/** Toolbar controls for how Parley looks: the theme (Light / Dark / System) and the pane layout. */
import { Button, selectClass } from '../components/ui.tsx';
import { SIDE_BY_SIDE_QUERY, useMediaQuery } from '../components/use-media-query.ts';
import { parseThemeChoice } from '../core/ui/theme.ts';
import { orientationToggled, themeChosen, useOrientation, useThemeChoice } from '../stores/appearance-store.ts';

export function ViewControls() {
  const theme = useThemeChoice();
  const orientation = useOrientation();
  const roomy = useMediaQuery(SIDE_BY_SIDE_QUERY);
  return (
    <div className="flex items-center gap-1.5">
      <select
        aria-label="Theme"
        className={`${selectClass} !py-0.5 text-xs`}
        value={theme}
        onChange={(e) => themeChosen(parseThemeChoice(e.target.value))}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      {roomy && (
        <Button
          variant="ghost"
          aria-pressed={orientation === 'stacked'}
          title="Request above response instead of side by side"
          onClick={orientationToggled}
        >
          Stacked
        </Button>
      )}
    </div>
  );
}
