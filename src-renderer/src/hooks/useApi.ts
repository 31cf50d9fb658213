import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelName, RequestOf, ResponseOf } from '../../../src-preload/contract';
import { call, onAppEvent } from '../api/client';

export interface ApiState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

export interface ApiOptions {
  /** wait this long after the request last changed before calling (typing in a form); reload() is immediate */
  debounceMs?: number;
  /** do not call (e.g. the request is not valid yet); the last result is kept */
  skip?: boolean;
}

/**
 * Calls a channel and keeps the result; reloads when the request changes or when main reports that
 * `refreshOn` data changed (jobs, examples, builds, review).
 */
export function useApi<C extends ChannelName>(
  channel: C,
  request: RequestOf<C>,
  refreshOn: string[] = [],
  { debounceMs = 0, skip = false }: ApiOptions = {},
): ApiState<ResponseOf<C>> {
  const [data, setData] = useState<ResponseOf<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(request);
  const seq = useRef(0);
  const reload = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    call(channel, JSON.parse(key) as RequestOf<C>).then(
      (r) => {
        if (mine !== seq.current) return;
        setData(r);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        if (mine !== seq.current) return;
        setError(e.message);
        setLoading(false);
      },
    );
  }, [channel, key]);
  useEffect(() => {
    if (skip) {
      seq.current++; // a call still in flight is for a request that is no longer wanted
      setLoading(false);
      return;
    }
    if (debounceMs <= 0) {
      reload();
      return;
    }
    seq.current++;
    setLoading(true);
    const timer = setTimeout(reload, debounceMs);
    return () => clearTimeout(timer);
  }, [reload, skip, debounceMs]);
  const refreshKey = refreshOn.join(',');
  useEffect(() => {
    if (!refreshKey) return;
    const watched = new Set(refreshKey.split(','));
    return onAppEvent((e) => {
      if (e.type === 'data-changed' && watched.has(e.what)) reload();
      if (e.type === 'job-progress' && watched.has('jobs') && e.progress.status !== 'running') reload();
    });
  }, [refreshKey, reload]);
  return { data, error, loading, reload };
}
