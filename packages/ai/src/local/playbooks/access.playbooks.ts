import type { Playbook } from './playbook';

// Who gets in and what they may do: sign-in and access control.

export const SIGN_IN_PLAYBOOK: Playbook = {
  kind: 'auth',
  label: 'sign-in work',
  triggers: [
    'login',
    'logout',
    'signin',
    'sign-in',
    'oauth',
    'auth',
    'authentication',
    'sso',
    'password',
    'signup',
    'sign-up',
    'register',
    'session',
  ],
  steps: [
    {
      title: 'Register the OAuth app and store its client credentials',
      description: 'Redirect URIs set, the client secret in configuration.',
      hours: 1,
    },
    {
      title: 'Implement the OAuth redirect and callback with token exchange',
      description: 'Authorization-code flow with state/PKCE; exchange the code and load the profile.',
      hours: 4,
    },
    {
      title: 'Create or link the user account and start a session',
      description: 'Match by verified email, create the user when new, issue the session.',
      hours: 3,
    },
    {
      title: 'Handle denied consent, expired state and sign-out',
      description: 'The error paths a user can reach, and a sign-out that clears the session.',
      hours: 2,
    },
  ],
  test: {
    title: 'Test sign-in, sign-out and the error paths',
    description: 'Against a local fake of the identity provider.',
    hours: 3,
  },
};

export const ACCESS_CONTROL_PLAYBOOK: Playbook = {
  kind: 'permissions',
  label: 'access control',
  triggers: [
    'role',
    'roles',
    'permission',
    'permissions',
    'rbac',
    'access',
    'authorization',
    'authorisation',
    'admin',
  ],
  steps: [
    {
      title: 'Define the roles and what each may do',
      description: 'One table of role × permission.',
      hours: 2,
      phase: 'setup',
    },
    { title: "Store each user's role", description: 'With a default for new users.', hours: 2 },
    {
      title: 'Check permissions in middleware on protected routes',
      description: '403 for a role that may not.',
      hours: 3,
    },
    {
      title: 'Show or hide actions by role in the interface',
      description: 'The server still decides.',
      hours: 2,
    },
  ],
  test: {
    title: "Test each role's access, including the refusals",
    description: 'A token per role.',
    hours: 3,
  },
};
