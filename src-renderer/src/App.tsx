import { useEffect, useState } from 'react';
import { call } from './api/client';
import { SCREENS, type Screen, useNav } from './state/nav';
import { ScreenIcon } from './components/ScreenIcon';
import { screenComponents } from './screens';

const SIDEBAR_KEY = 'biotrain.sidebar';

const LABELS: Record<Screen, string> = {
  dashboard: 'Dashboard',
  generate: 'Generate',
  review: 'Review',
  playground: 'Playground',
  splits: 'Splits',
  export: 'Export',
  evaluate: 'Evaluate',
  settings: 'Settings',
};

export function App() {
  const { screen, go } = useNav();
  const [info, setInfo] = useState<{ version: string; mode: string; dbPath: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('app.info', {}).then(setInfo, (e: Error) => setError(e.message));
  }, []);
  const reviewMode = info?.mode === 'review';
  const visible = reviewMode ? (['review'] as const) : SCREENS;
  useEffect(() => {
    if (reviewMode) go('review');
  }, [reviewMode, go]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey) return;
      const target = visible[Number(e.key) - 1];
      if (target) {
        e.preventDefault();
        go(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, go]);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDEBAR_KEY) === 'collapsed' || (localStorage.getItem(SIDEBAR_KEY) === null && window.innerWidth < 1200));
  const toggle = () => {
    localStorage.setItem(SIDEBAR_KEY, collapsed ? 'open' : 'collapsed');
    setCollapsed(!collapsed);
  };
  const Current = screenComponents[screen];
  return (
    <div className={collapsed ? 'shell collapsed' : 'shell'}>
      <nav className="sidebar" aria-label="Screens">
        <button
          type="button"
          className="sidebar-toggle"
          onClick={toggle}
          aria-label={collapsed ? 'expand the sidebar' : 'collapse the sidebar'}
          title={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'}
          aria-expanded={!collapsed}
        >
          {collapsed ? '»' : '«'}
        </button>
        <div className="brand">Biotrain</div>
        {visible.map((s, i) => (
          <button
            key={s}
            type="button"
            className={s === screen ? 'nav-item active' : 'nav-item'}
            onClick={() => go(s)}
            title={`${LABELS[s]} (Alt+${i + 1})`}
            aria-label={LABELS[s]}
          >
            <ScreenIcon screen={s} />
            {collapsed ? null : <span className="nav-label">{LABELS[s]}</span>}
          </button>
        ))}
        <div className="sidebar-foot">{info ? `v${info.version} · ${info.mode}` : error ? 'offline' : '…'}</div>
      </nav>
      <main className="content">
        {error ? <div className="banner error">Cannot reach Biotrain: {error}</div> : null}
        <Current />
      </main>
    </div>
  );
}
