// The rules module's public API.
export { RulesModule } from './rules.module.js';
export { WindowsModule } from './windows/windows.module.js';
export { RulesService, type Judgement, type SignalToJudge } from './rules.service.js';
export {
  RULE_TIMERS_QUEUE,
  RuleTimersService,
  TIMER_JOBS,
  timerJobId,
  type TimerJobData,
} from './rule-timers.service.js';
export { SupervisionService } from './supervision.service.js';
export { ServiceModesService, type ServiceModeRequest, type WindowAuthority } from './windows/service-modes.service.js';
export { BlockWindowsService, type BlockWindowRequest } from './windows/block-windows.service.js';
export { checkedRequester, loadRequester } from './windows/window-requester.js';
// Read models of service modes and block windows (the intake shows them; the directory's site page
// gets them through its SITE_WINDOWS port, filled by windows/site-windows.module.ts).
export {
  WINDOW_LIST_LIMIT,
  findBlockWindow,
  findServiceMode,
  listBlockWindows,
  listServiceModes,
  type ServiceModeFilter,
} from './windows/windows-db.js';
export { windowsSql, suppressionsByTransmitter, type SuppressionRow } from './suppressions.js';
export {
  caseKeyOf,
  decide,
  UNKNOWN_CODE_CATEGORY,
  type Decision,
  type RuleSettings,
  type SignalFacts,
  type Suppression,
} from './decide.js';
export { runawayMarks, type RunawayFacts, type RunawayMarks } from './runaways.js';
export { WINDOWS_ROUTES } from './windows/windows.openapi.js';
