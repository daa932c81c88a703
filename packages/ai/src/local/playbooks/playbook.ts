/** A step of a kind of work, as the local breakdown proposes it when the description is silent. */
export interface PlaybookStep {
  title: string;
  description: string;
  /** Hours for this step when the task has no story points. */
  hours: number;
  /** Where it goes in set-up → build → test → release, when its title alone would mislead. */
  phase?: 'setup' | 'build' | 'test' | 'release';
}

/**
 * Playbooks: a kind of work, recognised by words in the task's title and description, with the
 * steps it usually takes and the test step that proves it. Steps name the work, not the task:
 * the task's title is already above them, so no step repeats it.
 */
export interface Playbook {
  kind: string;
  /** How the web shows where a step came from ("Playbook: API work"). */
  label: string;
  triggers: string[];
  steps: PlaybookStep[];
  test: PlaybookStep;
}
