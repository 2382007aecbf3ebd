import { i18n } from '../../../lib/i18n/i18n';
import { messageOf } from '../../../utils/request-state';
import { getCall } from '../api/intake-api';
import type { CallEvent, GetIntake, SetIntake } from './intake-state';

/** What every action of the open call needs: its id, the call's events, a fresh copy of the call. */
export interface CallContext {
  /** The open call's id, for an action; throws when there is none or it has ended. */
  activeCallId: () => string;
  note: (text: string, kind: CallEvent['kind']) => void;
  /** The server appends each action to the call's record: fetch it again, quietly. */
  refreshCall: (callId: string) => Promise<void>;
  /** Runs an action of the open call: keeps its refusal in the events, then rethrows it. */
  act: <T>(run: (callId: string) => Promise<T>, done: (result: T) => string) => Promise<T>;
}

export function callContext(set: SetIntake, get: GetIntake): CallContext {
  const activeCallId = (): string => {
    const { call } = get();
    if (!call) throw new Error(i18n.t('intake:problem.noCall'));
    if (call.endedAt) throw new Error(i18n.t('intake:problem.callEnded'));
    return call.id;
  };

  const note = (text: string, kind: CallEvent['kind']) =>
    set((state) => ({ events: [...state.events, { at: new Date().toISOString(), text, kind }] }));

  const refreshCall = async (callId: string) => {
    try {
      const call = await getCall(callId);
      if (get().call?.id === callId) set({ call });
    } catch (error) {
      console.warn(`[intake] call not refreshed: ${messageOf(error, 'Request failed')}`);
    }
  };

  const act = async <T>(run: (callId: string) => Promise<T>, done: (result: T) => string): Promise<T> => {
    const callId = activeCallId();
    let result: T;
    try {
      result = await run(callId);
    } catch (error) {
      if (get().call?.id === callId) note(messageOf(error, i18n.t('intake:requestFailed')), 'refused');
      throw error;
    }
    if (get().call?.id === callId) {
      note(done(result), 'done');
      await refreshCall(callId);
    }
    return result;
  };

  return { activeCallId, note, refreshCall, act };
}
