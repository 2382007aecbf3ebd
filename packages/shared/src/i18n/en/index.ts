import { admin } from './admin.js';
import { caseTitles } from './case-titles.js';
import { signalReasons } from './signal-reasons.js';
import { access } from './access.js';
import { windows } from './windows.js';
import { customers } from './customers.js';
import { audit } from './audit.js';
import { rosters } from './rosters.js';
import { serviceCompanies } from './service-companies.js';
import { events } from './events.js';
import { authority } from './authority.js';
import { app } from './app.js';
import { auth } from './auth.js';
import { caseScreen } from './case.js';
import { common } from './common.js';
import { directory } from './directory.js';
import { errors } from './errors.js';
import { history } from './history.js';
import { intake } from './intake.js';
import { queue } from './queue.js';
import { shiftLog } from './shift-log.js';
import { supervisor } from './supervisor.js';
import { users } from './users.js';

/** The English catalogue: the reference every other language must match key for key. */
export const en = {
  common,
  app,
  auth,
  users,
  case: caseScreen,
  queue,
  directory,
  intake,
  history,
  shiftLog,
  supervisor,
  access,
  windows,
  customers,
  audit,
  rosters,
  serviceCompanies,
  events,
  authority,
  caseTitles,
  signalReasons,
  admin,
  errors,
} as const;
