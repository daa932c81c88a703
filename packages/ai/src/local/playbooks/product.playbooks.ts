import type { Playbook } from './playbook';

// What users see and receive: screens and notifications.

export const INTERFACE_PLAYBOOK: Playbook = {
  kind: 'ui',
  label: 'interface work',
  triggers: [
    'page',
    'screen',
    'ui',
    'form',
    'component',
    'dialog',
    'modal',
    'view',
    'layout',
    'dashboard',
    'button',
    'frontend',
    'banner',
    'onboarding',
    'wizard',
    'profile',
  ],
  steps: [
    {
      title: 'Sketch the layout and its empty, loading and error states',
      description: 'Phone width and dark mode included.',
      hours: 2,
    },
    {
      title: 'Build the components',
      description: 'Accessible controls with labels; reuse the design components.',
      hours: 4,
    },
    {
      title: 'Connect the screen to the API',
      description: 'Queries and mutations with error handling.',
      hours: 3,
    },
  ],
  test: {
    title: 'Add component tests for the main states',
    description: 'Empty, loading, error and populated.',
    hours: 2,
  },
};

export const NOTIFICATIONS_PLAYBOOK: Playbook = {
  kind: 'notifications',
  label: 'notifications',
  triggers: [
    'notification',
    'notifications',
    'notify',
    'email',
    'emails',
    'digest',
    'unsubscribe',
    'reminder',
  ],
  steps: [
    {
      title: 'Write the message templates',
      description: 'One per kind of notification, HTML and plain text.',
      hours: 3,
    },
    {
      title: 'Send a notification on each triggering event',
      description: 'Queued, once per event and recipient.',
      hours: 3,
    },
    {
      title: 'Let each user choose which notifications they receive',
      description: 'Preferences with sensible defaults.',
      hours: 3,
    },
    {
      title: 'Add an unsubscribe link to every email',
      description: 'Signed, one click, no login needed.',
      hours: 2,
    },
  ],
  test: {
    title: 'Test that each notification is sent once, and not when turned off',
    description: 'Against a local mail server.',
    hours: 2,
  },
};
