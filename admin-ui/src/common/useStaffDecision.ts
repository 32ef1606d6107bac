import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { API_URL, httpClient } from '../session';

/** How a decision reaches the server: a staff API path to POST `{decision, note}` to, or a call of its own. */
export type DecisionSender<D extends string> =
  string | ((decision: D, note: string | null | undefined) => Promise<unknown>);

async function postDecision(path: string, body: unknown): Promise<unknown> {
  const { json } = await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json;
}

/**
 * A staff decision that is not react-admin CRUD: one at a time, the outcome notified, the record refreshed.
 * `decide` resolves to whether the server recorded it, so a dialog closes only then.
 */
export function useStaffDecision<D extends string>(send: DecisionSender<D>, done: (decision: D) => string) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const decide = async (decision: D, note?: string | null): Promise<boolean> => {
    setBusy(true);
    try {
      await (typeof send === 'string'
        ? postDecision(send, note === undefined ? { decision } : { decision, note })
        : send(decision, note));
      notify(done(decision), { type: 'success' });
      refresh();
      return true;
    } catch (err) {
      notify(err instanceof Error ? err.message : 'The decision was not recorded', { type: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, decide };
}
