/** "Skip to request": the first focusable element; it moves focus to the URL field. */
import { focusUrl } from './focus-url.ts';

export const REQUEST_LINE_ID = 'request-line';

export function SkipLink() {
  return (
    <a
      href={`#${REQUEST_LINE_ID}`}
      // The fragment holds share links (services/location-hash.ts): move focus, never the hash.
      onClick={(e) => {
        e.preventDefault();
        focusUrl();
      }}
      className="sr-only z-50 rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
    >
      Skip to request
    </a>
  );
}
