import type { CaseSummary } from '@arc/shared/case';
import type { DirectorySearchHit, SiteDetail } from '@arc/shared/directory';
import type { IntakeCall, ManagerMessage, SiteStatus, VerificationOutcome } from '@arc/shared/intake';
import type { BlockWindow, ServiceMode } from '@arc/shared/rules';
import type { StoreApi } from 'zustand';
import type { LoadStatus } from '../../../utils/request-state';
import type {
  BlockWindowRequest,
  CancelCaseRequest,
  EndCallRequest,
  EndServiceModeRequest,
  MessageRequest,
  ServiceModeRequest,
} from '../api/intake-api';

/** One line of what happened in this call, as the operator sees it. */
export interface CallEvent {
  at: string;
  text: string;
  /** refused: the server refused an action; failed: a verification that did not verify. */
  kind: 'done' | 'refused' | 'failed' | 'info';
}

export interface IntakeState {
  call: IntakeCall | null;
  /** 'loading' while a call is being started. */
  callStatus: LoadStatus;
  callError: string | null;

  query: string;
  hits: DirectorySearchHit[];
  searchStatus: LoadStatus;
  searchError: string | null;

  /** Setting the call's site failed (e.g. an archived site). */
  siteError: string | null;
  detail: SiteDetail | null;
  detailStatus: LoadStatus;
  detailError: string | null;

  /**
   * The answer to the latest verification attempt of this call. Never the password: that goes
   * from the form's own state straight to the request.
   */
  verification: VerificationOutcome | null;
  verifying: boolean;
  /** The server refused to check at all (e.g. no site yet): not a failed verification. */
  verifyError: string | null;

  /** The last status read out to the caller. */
  status: SiteStatus | null;
  statusLoading: boolean;

  events: CallEvent[];

  /**
   * Opening the screen: goes on with the call on screen, or picks up the newest call this
   * operator started and did not end (the console was reloaded or closed during it), or starts one.
   */
  open: () => Promise<void>;
  newCall: () => Promise<void>;
  search: (query: string) => Promise<void>;
  chooseSite: (siteId: string) => Promise<void>;
  reloadDetail: () => Promise<void>;
  verify: (personId: string, password: string) => Promise<void>;

  // The actions resolve with the server's answer and throw its refusal (ApiRequestError), which
  // the form shows in words; the refusal is also kept in the call's events.
  setServiceMode: (input: ServiceModeRequest) => Promise<ServiceMode>;
  endServiceMode: (input: EndServiceModeRequest) => Promise<ServiceMode>;
  registerBlockWindow: (input: BlockWindowRequest) => Promise<BlockWindow>;
  cancelCase: (input: CancelCaseRequest) => Promise<CaseSummary>;
  loadStatus: () => Promise<SiteStatus>;
  leaveMessage: (input: MessageRequest) => Promise<ManagerMessage>;
  endCall: (input: EndCallRequest) => Promise<IntakeCall>;
  reset: () => void;
}

/** A screen without a call. */
export const initialState = {
  call: null,
  callStatus: 'idle',
  callError: null,
  query: '',
  hits: [],
  searchStatus: 'idle',
  searchError: null,
  siteError: null,
  detail: null,
  detailStatus: 'idle',
  detailError: null,
  verification: null,
  verifying: false,
  verifyError: null,
  status: null,
  statusLoading: false,
  events: [],
} satisfies Partial<IntakeState>;

export type SetIntake = StoreApi<IntakeState>['setState'];
export type GetIntake = StoreApi<IntakeState>['getState'];
