import { SHORTCUTS } from './shortcuts';

export function ShortcutsOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="overlay" role="dialog" aria-label="keyboard shortcuts" data-testid="shortcuts">
      <div className="card overlay-card">
        <h2 style={{ marginTop: 0 }}>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <th style={{ width: 150 }}>
                  <span className="kbd">{k}</span>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="secondary" onClick={onClose}>
          Close (esc)
        </button>
      </div>
    </div>
  );
}
