import type { ServerEvent } from '@teamflow/contracts/events';
import { TASK_STATUS_LABELS } from '@teamflow/contracts/tasks';

// Slack's mrkdwn treats these three as control characters; everything else is sent as written.
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const link = (url: string, text: string) => `<${url}|${escape(text)}>`;
const short = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * One line of Slack mrkdwn for an event that has a public name: who did what to which resource,
 * linked to it in the web app. Null for an event Slack is not told about.
 */
export function slackMessage(event: ServerEvent, webOrigin: string): string | null {
  const ws = `${webOrigin.replace(/\/$/, '')}/w/${event.workspaceId}`;
  // Changes nobody made are the integrations' or the schedules' (a merged pull request, a recurrence).
  const who = escape(event.actor?.name ?? 'TeamFlow');
  switch (event.type) {
    case 'TASK_CREATED':
    case 'TASK_UPDATED': {
      const task = event.data;
      const verb = event.type === 'TASK_CREATED' ? 'created' : 'updated';
      return `${who} ${verb} ${link(`${ws}/t/${task.id}`, `${task.key} ${short(task.title)}`)}`;
    }
    case 'TASK_MOVED': {
      const task = event.data;
      const to = TASK_STATUS_LABELS[task.status];
      return `${who} moved ${link(`${ws}/t/${task.id}`, `${task.key} ${short(task.title)}`)} to *${to}*`;
    }
    case 'TASK_DELETED':
      return `${who} deleted a task`;
    case 'COMMENT_CREATED':
      return `${who} commented on ${link(`${ws}/t/${event.data.taskId}`, 'a task')}: ${escape(short(event.data.body, 200))}`;
    case 'SPRINT_UPDATED': {
      const sprint = event.data;
      return `${who} updated sprint ${link(`${ws}/p/${sprint.projectId}/sprints/${sprint.id}`, sprint.name)} (${sprint.state})`;
    }
    case 'STATUS_UPDATE_POSTED': {
      const update = event.data;
      const lines = [
        `${escape(update.user.name)} posted ${link(`${ws}/updates`, `an update for ${update.date}`)}`,
      ];
      if (update.done.trim()) lines.push(`*Done:* ${escape(short(update.done))}`);
      if (update.doing.trim()) lines.push(`*Doing:* ${escape(short(update.doing))}`);
      if (update.blockers.trim()) lines.push(`*Blockers:* ${escape(short(update.blockers))}`);
      return lines.join('\n');
    }
    case 'BLOCKER_UPDATED':
      return `${who} updated blocker ${link(`${ws}/blockers`, short(event.data.title))} (${event.data.status}, ${event.data.severity})`;
    case 'INCIDENT_UPDATED': {
      const incident = event.data;
      return `${who} updated incident ${link(`${ws}/incidents/${incident.id}`, `${incident.key} ${short(incident.title)}`)} (${incident.severity}, ${incident.status})`;
    }
    case 'DECISION_UPDATED': {
      const decision = event.data;
      return `${who} updated decision ${link(`${ws}/decisions/${decision.id}`, `${decision.key} ${short(decision.title)}`)} (${decision.status})`;
    }
    default:
      return null;
  }
}
