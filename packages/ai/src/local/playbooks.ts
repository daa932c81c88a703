import { SIGN_IN_PLAYBOOK, ACCESS_CONTROL_PLAYBOOK } from './playbooks/access.playbooks';
import { API_PLAYBOOK, DATA_PLAYBOOK, INTEGRATION_PLAYBOOK } from './playbooks/backend.playbooks';
import { DEPLOYMENT_PLAYBOOK, MIGRATION_PLAYBOOK, RELEASE_PLAYBOOK } from './playbooks/delivery.playbooks';
import { CACHING_PLAYBOOK, PERFORMANCE_PLAYBOOK } from './playbooks/performance.playbooks';
import { INTERFACE_PLAYBOOK, NOTIFICATIONS_PLAYBOOK } from './playbooks/product.playbooks';
import { BUG_FIX_PLAYBOOK, DOCS_PLAYBOOK } from './playbooks/upkeep.playbooks';
import type { Playbook } from './playbooks/playbook';

// The steps live in playbooks/, one file per family; this module is the list the breakdown matches.
export type { Playbook, PlaybookStep } from './playbooks/playbook';
export { DOCS_STEP, GENERIC } from './playbooks/general.playbooks';
export { BUG_FIX_PLAYBOOK, describesAProblem } from './playbooks/upkeep.playbooks';

/** Every kind of work the local breakdown recognises by its trigger words. */
export const PLAYBOOKS: Playbook[] = [
  RELEASE_PLAYBOOK,
  SIGN_IN_PLAYBOOK,
  DEPLOYMENT_PLAYBOOK,
  MIGRATION_PLAYBOOK,
  NOTIFICATIONS_PLAYBOOK,
  ACCESS_CONTROL_PLAYBOOK,
  CACHING_PLAYBOOK,
  PERFORMANCE_PLAYBOOK,
  INTERFACE_PLAYBOOK,
  API_PLAYBOOK,
  DATA_PLAYBOOK,
  BUG_FIX_PLAYBOOK,
  INTEGRATION_PLAYBOOK,
  DOCS_PLAYBOOK,
];
