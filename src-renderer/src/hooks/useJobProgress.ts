import { useEffect, useState } from 'react';
import type { JobProgressEvent } from '../../../src-preload/contract/core';
import { onAppEvent } from '../api/client';

export interface LiveProgress extends JobProgressEvent {
  /** when the event arrived (ms since epoch) */
  at: number;
}

/** The latest job-progress event per job id, as pushed by main. */
export function useJobProgress(): Record<string, LiveProgress> {
  const [live, setLive] = useState<Record<string, LiveProgress>>({});
  useEffect(
    () =>
      onAppEvent((e) => {
        if (e.type !== 'job-progress') return;
        const p = e.progress;
        setLive((prev) => ({ ...prev, [p.jobId]: { ...p, at: Date.now() } }));
      }),
    [],
  );
  return live;
}

/** "1.2k items/s" style throughput. */
export function formatRate(rate: number): string {
  if (!(rate > 0)) return '–';
  return rate >= 100 ? `${Math.round(rate)} items/s` : `${rate.toFixed(1)} items/s`;
}

/** Remaining time at the current rate, or '–' when unknown. */
export function formatEta(done: number, total: number, rate: number): string {
  if (!(rate > 0) || total <= done) return '–';
  const secs = Math.round((total - done) / rate);
  if (secs < 60) return `${secs}s`;
  const m = Math.floor(secs / 60);
  if (m < 60) return `${m}m ${secs % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}
