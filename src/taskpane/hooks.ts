/** Small hooks shared by the task pane components. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Controller, WorkbookStatus } from './controller';

/** The controller's status, kept current through `subscribe`; unsubscribes on unmount. */
export function useWorkbookStatus(controller: Controller): WorkbookStatus {
  const [status, setStatus] = useState<WorkbookStatus>(() => controller.status());
  useEffect(() => {
    let live = true;
    const unsubscribe = controller.subscribe((s) => {
      if (live) setStatus(s);
    });
    setStatus(controller.status());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [controller]);
  return status;
}

export interface AsyncActionState {
  busy: boolean;
  /** The rejection, as given (rendered with errorText). */
  error: unknown;
  failed: boolean;
  /** Set after a successful run, until the next run. */
  done: boolean;
}

const IDLE: AsyncActionState = { busy: false, error: null, failed: false, done: false };

/** Runs one async action at a time and tracks busy / error / done for the button that starts it. */
export function useAsyncAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [state, setState] = useState<AsyncActionState>(IDLE);
  const busy = useRef(false);
  const mounted = useRef(true);
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (...args: A) => {
    if (busy.current) return;
    busy.current = true;
    setState({ busy: true, error: null, failed: false, done: false });
    try {
      await latest.current(...args);
      if (mounted.current) setState({ busy: false, error: null, failed: false, done: true });
    } catch (err) {
      if (mounted.current) setState({ busy: false, error: err, failed: true, done: false });
    } finally {
      busy.current = false;
    }
  }, []);
  const reset = useCallback(() => setState(IDLE), []);
  return { ...state, run, reset };
}

/** Reads a File as text (File.text() where available; FileReader otherwise, e.g. older webviews). */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsText(file, 'utf-8');
  });
}
