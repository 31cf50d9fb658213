import { useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../src-preload/contract';
import type { ToolChoice } from '../../../../src-preload/schemas/example';
import type { Intent } from '../../../../src-preload/schemas/intent';
import { call } from '../../api/client';

/** Typing pause before an edited intent or tool list is sent for a new workflow (ms). */
const DEBOUNCE_MS = 250;

export interface Regenerated {
  /** the workflow (and knowledge-base problems) for the latest edit; null until it arrived */
  result: ResponseOf<'playground.regenerate'> | null;
  /** an edit is waiting for its workflow */
  pending: boolean;
  error: string | null;
}

/**
 * The workflow for an edited intent and tool list (`edit` null: nothing edited). Each edit replaces the
 * result; an answer for an older edit is dropped, so what is shown always belongs to the fields on screen.
 */
export function useRegenerated(edit: { query: string; intent: Intent; tools: ToolChoice[] } | null): Regenerated {
  const [state, setState] = useState<Regenerated>({ result: null, pending: false, error: null });
  const seq = useRef(0);
  const key = edit ? JSON.stringify(edit) : null;
  useEffect(() => {
    const mine = ++seq.current;
    if (key === null) {
      setState({ result: null, pending: false, error: null });
      return;
    }
    setState({ result: null, pending: true, error: null });
    const timer = setTimeout(() => {
      call('playground.regenerate', JSON.parse(key) as { query: string; intent: Intent; tools: ToolChoice[] }).then(
        (result) => mine === seq.current && setState({ result, pending: false, error: null }),
        (e: Error) => mine === seq.current && setState({ result: null, pending: false, error: e.message }),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return state;
}
