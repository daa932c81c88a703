/** The demo workspace `npm start` seeds: people in every role, two projects, labelled tasks in every status. */
export const DEMO_PASSWORD = 'teamflow-demo-1';

export const DEMO_USERS = [
  { email: 'owner@demo.teamflow.dev', name: 'Olivia Owner', role: 'owner' },
  { email: 'admin@demo.teamflow.dev', name: 'Adam Admin', role: 'admin' },
  { email: 'member@demo.teamflow.dev', name: 'Maya Member', role: 'member' },
  { email: 'viewer@demo.teamflow.dev', name: 'Victor Viewer', role: 'viewer' },
] as const;

export const DEMO_WORKSPACE = { name: 'Acme Product', slug: 'acme' };

export const DEMO_LABELS = [
  { name: 'bug', color: '#dc2626' },
  { name: 'feature', color: '#2563eb' },
  { name: 'design', color: '#db2777' },
  { name: 'infra', color: '#059669' },
  { name: 'tech-debt', color: '#d97706' },
] as const;

type Status = 'todo' | 'in_progress' | 'in_review' | 'blocked' | 'done';
type Priority = 'low' | 'medium' | 'high' | 'critical';
type Person = (typeof DEMO_USERS)[number]['role'];

export interface DemoTask {
  title: string;
  status: Status;
  priority: Priority;
  points?: number;
  dueInDays?: number;
  labels?: (typeof DEMO_LABELS)[number]['name'][];
  assignees?: Person[];
  description?: string;
  comments?: { by: Person; body: string }[];
  subtasks?: string[];
}

export const DEMO_PROJECTS: { name: string; key: string; description: string; tasks: DemoTask[] }[] = [
  {
    name: 'Web App',
    key: 'WEB',
    description: 'The customer-facing web application.',
    tasks: [
      {
        title: 'Set up authentication flow',
        status: 'done',
        priority: 'high',
        points: 5,
        labels: ['feature'],
        assignees: ['admin'],
        description:
          'Email + password sign-in with refresh tokens.\n\n- [x] register\n- [x] login\n- [x] refresh rotation',
      },
      {
        title: 'Design the board view',
        status: 'done',
        priority: 'medium',
        points: 3,
        labels: ['design'],
        assignees: ['member'],
      },
      {
        title: 'Drag and drop between columns',
        status: 'in_progress',
        priority: 'high',
        points: 8,
        dueInDays: 3,
        labels: ['feature'],
        assignees: ['member'],
        comments: [
          { by: 'admin', body: 'Keyboard support too, please — see the a11y checklist.' },
          { by: 'member', body: 'On it. Using fractional positions so a move writes one row.' },
        ],
        subtasks: ['Pointer drag', 'Keyboard drag', 'Optimistic update with rollback'],
      },
      {
        title: 'Fix flicker when a card is dropped',
        status: 'in_review',
        priority: 'medium',
        points: 2,
        labels: ['bug'],
        assignees: ['member'],
      },
      {
        title: 'Task detail drawer',
        status: 'in_progress',
        priority: 'medium',
        points: 5,
        dueInDays: 6,
        labels: ['feature', 'design'],
        assignees: ['admin', 'member'],
      },
      {
        title: 'Markdown preview in descriptions',
        status: 'todo',
        priority: 'low',
        points: 3,
        labels: ['feature'],
      },
      {
        title: 'Filters kept in the URL',
        status: 'todo',
        priority: 'medium',
        points: 3,
        labels: ['feature'],
        assignees: ['member'],
      },
      { title: 'Dark mode', status: 'todo', priority: 'low', points: 5, labels: ['design'] },
      {
        title: 'Command palette (Cmd-K)',
        status: 'todo',
        priority: 'medium',
        points: 5,
        dueInDays: 14,
        labels: ['feature'],
      },
      {
        title: 'Calendar view of due dates',
        status: 'todo',
        priority: 'low',
        points: 5,
        labels: ['feature'],
      },
      {
        title: 'Session expires while editing a long description',
        status: 'blocked',
        priority: 'critical',
        points: 3,
        labels: ['bug'],
        assignees: ['admin'],
        comments: [{ by: 'owner', body: 'Blocked on the silent refresh work; nothing typed may be lost.' }],
      },
      {
        title: 'Virtualise columns for 2,000 tasks',
        status: 'todo',
        priority: 'high',
        points: 8,
        labels: ['tech-debt'],
      },
      {
        title: 'Accessibility audit of the board',
        status: 'in_review',
        priority: 'high',
        points: 3,
        labels: ['design'],
        assignees: ['owner'],
      },
      {
        title: 'Empty states that say what to do',
        status: 'done',
        priority: 'low',
        points: 1,
        labels: ['design'],
        assignees: ['member'],
      },
      {
        title: 'Toast on failed save with retry',
        status: 'todo',
        priority: 'medium',
        points: 2,
        labels: ['feature'],
      },
      {
        title: 'Search across tasks and comments',
        status: 'in_progress',
        priority: 'high',
        points: 5,
        dueInDays: 2,
        labels: ['feature'],
        assignees: ['admin'],
      },
      { title: 'Phone-width layout', status: 'todo', priority: 'medium', points: 3, labels: ['design'] },
    ],
  },
  {
    name: 'Platform',
    key: 'PLAT',
    description: 'API, workers and infrastructure.',
    tasks: [
      {
        title: 'Outbox relay to Redis',
        status: 'in_progress',
        priority: 'high',
        points: 8,
        dueInDays: 5,
        labels: ['infra'],
        assignees: ['admin'],
        description: 'Publish committed outbox rows in order, exactly once, across instances.',
      },
      {
        title: 'Rate limits shared across api instances',
        status: 'done',
        priority: 'high',
        points: 3,
        labels: ['infra'],
        assignees: ['admin'],
      },
      { title: 'Nightly cleanup job', status: 'todo', priority: 'low', points: 2, labels: ['infra'] },
      {
        title: 'Postgres read replica for reports',
        status: 'todo',
        priority: 'low',
        points: 8,
        labels: ['infra', 'tech-debt'],
      },
      {
        title: 'Deploying the worker drops in-flight jobs',
        status: 'blocked',
        priority: 'critical',
        points: 5,
        labels: ['bug', 'infra'],
        assignees: ['owner'],
        comments: [{ by: 'admin', body: 'Needs graceful shutdown on SIGTERM first.' }],
      },
      {
        title: 'Graceful shutdown on SIGTERM',
        status: 'in_review',
        priority: 'high',
        points: 3,
        labels: ['infra'],
        assignees: ['member'],
      },
      {
        title: 'Metrics dashboard for queues',
        status: 'todo',
        priority: 'medium',
        points: 5,
        labels: ['infra'],
      },
      {
        title: 'OpenAPI document from the contracts',
        status: 'done',
        priority: 'medium',
        points: 3,
        labels: ['feature'],
        assignees: ['member'],
      },
      {
        title: 'Email templates for invitations',
        status: 'todo',
        priority: 'medium',
        points: 3,
        dueInDays: 10,
        labels: ['feature'],
      },
      {
        title: 'Upgrade PostgreSQL to 16',
        status: 'todo',
        priority: 'low',
        points: 2,
        labels: ['tech-debt'],
      },
      {
        title: 'Slow task list with many labels',
        status: 'in_progress',
        priority: 'medium',
        points: 3,
        labels: ['bug'],
        assignees: ['admin'],
      },
      {
        title: 'Backups verified by a restore drill',
        status: 'todo',
        priority: 'high',
        points: 5,
        dueInDays: 20,
        labels: ['infra'],
      },
      { title: 'Audit log export', status: 'todo', priority: 'low', points: 5, labels: ['feature'] },
    ],
  },
];

/** Board dependencies in the demo: [dependent task title, the task it waits for]. */
export const DEMO_DEPENDENCIES: [string, string][] = [
  ['Session expires while editing a long description', 'Set up authentication flow'],
  ['Deploying the worker drops in-flight jobs', 'Graceful shutdown on SIGTERM'],
  ['Virtualise columns for 2,000 tasks', 'Drag and drop between columns'],
];

/**
 * Two weeks of private work-log entries for the demo people (days ago, Markdown). They name the
 * demo projects, skills and outcomes so the analysis, insights and exports have something to say.
 */
export const DEMO_WORKLOG: Record<
  'owner' | 'admin' | 'member',
  { daysAgo: number; body: string; tags?: string[] }[]
> = {
  member: [
    {
      daysAgo: 13,
      body: 'Started on the **Web App** board view. Paired with Adam on the drag and drop design, good session.',
      tags: ['frontend'],
    },
    {
      daysAgo: 12,
      body: 'Wrote React components for the columns and added unit tests. Nice progress, the board renders 200 cards smoothly.',
    },
    {
      daysAgo: 11,
      body: 'Frustrating day: the drop animation flickers and I could not find why. Lost two hours to a CSS transform bug.',
    },
    {
      daysAgo: 10,
      body: 'Fixed the flicker when a card is dropped (WEB-7). Reduced layout shifts from 12 to 0 on the board. Happy with it.',
    },
    {
      daysAgo: 9,
      body: 'Reviewed three pull requests for the task drawer. Wrote the docs for the keyboard shortcuts.',
      tags: ['review'],
    },
    {
      daysAgo: 6,
      body: 'Tired. Meetings all morning, then a stressful bug hunt in the Markdown preview. Nothing shipped.',
    },
    {
      daysAgo: 5,
      body: 'Shipped the Markdown preview in descriptions, so that people can check formatting before saving. Great feedback from the team!',
    },
    {
      daysAgo: 4,
      body: 'Profiled the board with 2,000 tasks: first paint from 1800 to 450 ms after virtualising columns. Excellent result.',
      tags: ['performance'],
    },
    {
      daysAgo: 3,
      body: 'Accessibility audit of the board with a screen reader; fixed focus order and aria labels. Learned a lot.',
    },
    {
      daysAgo: 2,
      body: 'Blocked waiting for the API change for filters. Annoying, but I used the time to write Playwright tests.',
    },
    {
      daysAgo: 1,
      body: 'Launched filters kept in the URL for the **Web App**. Support tickets about lost filters cut by 40%. Proud of this one.',
    },
  ],
  admin: [
    {
      daysAgo: 13,
      body: 'Planned the **Platform** sprint with the team; clear goals, everyone agreed. Good start.',
      tags: ['planning'],
    },
    {
      daysAgo: 11,
      body: 'Built the outbox relay to Redis (PLAT-1). Events are never lost when Redis restarts now.',
    },
    {
      daysAgo: 10,
      body: 'The queue worker went down during a deploy and jobs were dropped. Stressful incident, wrote the postmortem.',
    },
    {
      daysAgo: 8,
      body: 'Implemented graceful shutdown on SIGTERM for the worker, so that deploys finish in-flight jobs. Much calmer deploys.',
    },
    {
      daysAgo: 6,
      body: 'Set up Grafana dashboards for queue metrics and Prometheus alerts. Monitoring finally covers the worker.',
    },
    {
      daysAgo: 3,
      body: 'Migrated PostgreSQL to 16 on staging with Docker; p95 query time from 120 to 70 ms. Excellent.',
    },
    { daysAgo: 1, body: 'Mentored Maya on Kubernetes basics and reviewed her pull request. Enjoyed it.' },
  ],
  owner: [
    {
      daysAgo: 12,
      body: 'Interviewed two candidates for the backend role. One was excellent; wrote feedback for both.',
      tags: ['hiring'],
    },
    {
      daysAgo: 9,
      body: 'Roadmap review with stakeholders. Agreed to prioritise the **Web App** search over dark mode.',
    },
    { daysAgo: 7, body: 'Budget meeting ran long and nothing got decided. Frustrating.' },
    {
      daysAgo: 5,
      body: 'Led the quarterly planning; the team committed to 3 clear goals. Really happy with the energy.',
    },
    {
      daysAgo: 2,
      body: 'Wrote the design doc for backups verified by a restore drill on the **Platform**. Helpful review from Adam.',
    },
  ],
};
