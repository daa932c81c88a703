import type { Playbook } from './playbook';

// Getting code out: releasing it, deploying it, and moving it to another tool.

export const RELEASE_PLAYBOOK: Playbook = {
  kind: 'release',
  label: 'a release',
  triggers: ['release', 'publish', 'version', 'changelog', 'bump'],
  steps: [
    {
      title: 'Bump the version number',
      description: 'In every package manifest that carries it.',
      hours: 0.5,
      phase: 'setup',
    },
    {
      title: 'Update the changelog',
      description: 'What changed since the last release, with links.',
      hours: 1,
      phase: 'setup',
    },
    {
      title: 'Tag the release',
      description: 'A tag on the released commit, and the release notes.',
      hours: 0.5,
    },
    {
      title: 'Publish the release',
      description: 'Run the publish pipeline and check it succeeded.',
      hours: 1,
    },
    { title: 'Announce the release', description: 'Where the users and the team will see it.', hours: 0.5 },
  ],
  test: {
    title: 'Smoke-test the release build',
    description: 'Install it fresh and run the main flow.',
    hours: 1,
  },
};

export const DEPLOYMENT_PLAYBOOK: Playbook = {
  kind: 'infra',
  label: 'deployment work',
  triggers: [
    'helm',
    'kubernetes',
    'k8s',
    'docker',
    'dockerfile',
    'container',
    'deploy',
    'deployment',
    'ci',
    'pipeline',
    'terraform',
    'infrastructure',
  ],
  steps: [
    {
      title: 'Write the deployment templates',
      description: 'Deployment, service and ingress, parameterised.',
      hours: 3,
    },
    {
      title: 'Make settings configurable per environment',
      description: 'Values for development, staging and production.',
      hours: 2,
    },
    {
      title: 'Wire the build into the pipeline',
      description: 'Build, push and deploy on merge.',
      hours: 2,
    },
  ],
  test: {
    title: 'Deploy to a test environment and check it',
    description: 'A real deployment, health checks green.',
    hours: 2,
  },
};

export const MIGRATION_PLAYBOOK: Playbook = {
  kind: 'migration',
  label: 'a migration to another tool',
  triggers: ['migrate', 'migration', 'upgrade', 'replace', 'switch', 'port'],
  steps: [
    {
      title: 'List what depends on the old tool',
      description: 'Configuration, scripts, plugins and imports.',
      hours: 1,
      phase: 'setup',
    },
    {
      title: 'Configure the new tool to produce the same output',
      description: 'Same entry points, same files out.',
      hours: 4,
    },
    {
      title: 'Remove the old tool with its configuration and dependencies',
      description: 'No leftover references.',
      hours: 1,
    },
  ],
  test: {
    title: 'Compare the output before and after',
    description: 'Build, run and test as before the switch.',
    hours: 2,
  },
};
