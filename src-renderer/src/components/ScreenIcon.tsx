import type { Screen } from '../state/nav';

/**
 * Outline icons of the screens, 20 px on a 24-unit grid, drawn in the current text colour. Decorative: the
 * button that holds one carries the screen's name (aria-label) and a tooltip (title).
 */
const PATHS: Record<Screen, string[]> = {
  // four tiles
  dashboard: ['M4 4h7v7H4z', 'M13 4h7v4h-7z', 'M13 10h7v10h-7z', 'M4 13h7v7H4z'],
  // a spark: new examples
  generate: ['M12 3v5', 'M12 16v5', 'M3 12h5', 'M16 12h5', 'M6 6l3 3', 'M15 15l3 3', 'M18 6l-3 3', 'M9 15l-3 3'],
  // a list with checks
  review: ['M4 6l1.5 1.5L8 5', 'M11 6h9', 'M4 12l1.5 1.5L8 11', 'M11 12h9', 'M4 18l1.5 1.5L8 17', 'M11 18h9'],
  // a prompt: chevron and cursor
  playground: ['M3 5h18v14H3z', 'M7 10l3 2-3 2', 'M12 15h5'],
  // one stream forking into three
  splits: ['M4 12h6', 'M10 12l8-6', 'M10 12h10', 'M10 12l8 6'],
  // a tray with an arrow out of it
  export: ['M12 15V3', 'M7 8l5-5 5 5', 'M4 14v6h16v-6'],
  // bars of a score with a baseline
  evaluate: ['M4 20h16', 'M7 20v-6', 'M12 20V8', 'M17 20v-10'],
  // sliders
  settings: ['M4 7h10', 'M18 7h2', 'M16 5v4', 'M4 17h4', 'M12 17h8', 'M10 15v4'],
};

export function ScreenIcon({ screen }: { screen: Screen }) {
  return (
    <svg className="screen-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" data-icon={screen}>
      {PATHS[screen].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
