import type { AchievementId } from '@teamflow/contracts/progress';
import {
  CalendarCheckIcon,
  CheckCircleIcon,
  CometIcon,
  FlagIcon,
  FlameIcon,
  HandshakeIcon,
  HundredIcon,
  MedalIcon,
  MegaphoneIcon,
  ScalesIcon,
  ShiningStarIcon,
  SirenIcon,
  StarIcon,
  TenIcon,
  type IconComponent,
} from './progress-icons';

// One picture per achievement of the contracts' catalogue, by id. The catalogue's `icon` (an emoji)
// stays in the api for other clients; the web draws these instead. A Record over every id: an
// achievement added to the contracts without a picture here is a type error.
const ACHIEVEMENT_ICONS: Record<AchievementId, IconComponent> = {
  'first-task': CheckCircleIcon,
  'ten-tasks': TenIcon,
  'hundred-tasks': HundredIcon,
  'streak-7': FlameIcon,
  'streak-30': CometIcon,
  'first-update': MegaphoneIcon,
  'week-of-check-ins': CalendarCheckIcon,
  'first-decision': ScalesIcon,
  'incident-commander': SirenIcon,
  'helping-hand': HandshakeIcon,
  'sprint-finisher': FlagIcon,
  'level-5': StarIcon,
  'level-10': ShiningStarIcon,
};

function isDrawn(id: string): id is AchievementId {
  return Object.hasOwn(ACHIEVEMENT_ICONS, id);
}

/**
 * An achievement's picture (decorative: its name is the text beside it). An id from an api newer
 * than this build, not yet in its contracts, gets a medal rather than nothing.
 */
export function AchievementIcon({ id, className }: { id: string; className?: string }) {
  const Icon = isDrawn(id) ? ACHIEVEMENT_ICONS[id] : MedalIcon;
  return <Icon className={className} />;
}
