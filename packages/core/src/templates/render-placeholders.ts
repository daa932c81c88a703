import { TEMPLATE_PLACEHOLDERS } from '@teamflow/contracts/templates';
import { localDateLabels, todayIn } from '../platform/local-dates';

export interface PlaceholderScene {
  /** The project's zone (its own, else the workspace's): "today" is the team's today. */
  timeZone: string;
  projectName: string;
  now?: Date;
}

const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);

/**
 * Fills `{{date}}`, `{{weekday}}`, `{{week}}`, `{{month}}`, `{{year}}` and `{{project}}`; an
 * unknown name (or a typo) stays as written so the author sees it rather than losing text.
 */
export function renderPlaceholders(text: string, scene: PlaceholderScene): string {
  const date = todayIn(scene.timeZone, scene.now);
  const values: Record<string, string> = { date, project: scene.projectName, ...localDateLabels(date) };
  return text.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (whole, name: string) =>
    KNOWN.has(name) ? values[name]! : whole,
  );
}
