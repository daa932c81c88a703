import type { MailTemplate } from '@teamflow/queue/jobs';

export interface RenderedMail {
  template: MailTemplate;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(title: string, paragraphs: string[], link: { url: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const url = escapeHtml(link.url);
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5">
${body}
<p><a href="${url}">${escapeHtml(link.label)}</a></p>
<p style="color: #666; font-size: 12px">If the button does not work, paste this link into your browser: ${url}</p>
</body></html>`;
}

export function invitationMail(input: {
  workspaceName: string;
  inviterName: string;
  role: string;
  inviteUrl: string;
}): RenderedMail {
  const subject = `${input.inviterName} invited you to ${input.workspaceName} on TeamFlow`;
  const lines = [
    `${input.inviterName} invited you to join the workspace "${input.workspaceName}" as ${input.role}.`,
    'The invitation is valid for 7 days and can be used once.',
  ];
  return {
    template: 'invitation',
    subject,
    text: `${lines.join('\n\n')}\n\nAccept the invitation: ${input.inviteUrl}\n`,
    html: layout(subject, lines, { url: input.inviteUrl, label: 'Accept the invitation' }),
  };
}

export function verifyEmailMail(input: { name: string; verifyUrl: string }): RenderedMail {
  const subject = 'Confirm your email address for TeamFlow';
  const lines = [`Hi ${input.name},`, 'Please confirm that this is your email address.'];
  return {
    template: 'verify-email',
    subject,
    text: `${lines.join('\n\n')}\n\nConfirm your email: ${input.verifyUrl}\n`,
    html: layout(subject, lines, { url: input.verifyUrl, label: 'Confirm your email' }),
  };
}

export function resetPasswordMail(input: {
  name: string;
  resetUrl: string;
  validMinutes: number;
}): RenderedMail {
  const subject = 'Reset your TeamFlow password';
  const lines = [
    `Hi ${input.name},`,
    `Someone asked to reset the password of your TeamFlow account. The link works once, for ${input.validMinutes} minutes.`,
    'If it was not you, ignore this email: your password stays as it is.',
  ];
  return {
    template: 'reset-password',
    subject,
    text: `${lines.join('\n\n')}\n\nReset your password: ${input.resetUrl}\n`,
    html: layout(subject, lines, { url: input.resetUrl, label: 'Reset your password' }),
  };
}

export interface DigestItem {
  /** One line: who did what, e.g. "Ann assigned you to WEB-4 Fix login". */
  line: string;
  url: string;
}

/** Unread notifications gathered into one email (newest last), each linking to its task. */
export function notificationDigestMail(input: {
  name: string;
  items: DigestItem[];
  inboxUrl: string;
  preferencesUrl: string;
}): RenderedMail {
  const n = input.items.length;
  const subject = n === 1 ? `TeamFlow: ${input.items[0]!.line}` : `TeamFlow: ${n} unread notifications`;
  const intro = `Hi ${input.name}, ${n === 1 ? 'this notification is' : `these ${n} notifications are`} still unread:`;
  const text = [
    intro,
    '',
    ...input.items.map((i) => `- ${i.line}\n  ${i.url}`),
    '',
    `All notifications: ${input.inboxUrl}`,
    `Choose which notifications are emailed: ${input.preferencesUrl}`,
    '',
  ].join('\n');
  const list = input.items
    .map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.line)}</a></li>`)
    .join('\n');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(intro)}</p>
<ul>
${list}
</ul>
<p><a href="${escapeHtml(input.inboxUrl)}">Open your notifications</a></p>
<p style="color: #666; font-size: 12px"><a href="${escapeHtml(input.preferencesUrl)}">Choose which notifications are emailed</a></p>
</body></html>`;
  return { template: 'notification-digest', subject, text, html };
}

/**
 * A workspace's daily digest for a member who opted in: the digest's own Markdown summary (its
 * figures, and the team's average mood only when the digest shows one; never a person's mood),
 * and a link to the digest page.
 */
export function dailyDigestMail(input: {
  name: string;
  workspaceName: string;
  date: string;
  summary: string;
  digestUrl: string;
  preferencesUrl: string;
}): RenderedMail {
  const subject = `${input.workspaceName} digest for ${input.date}`;
  const lines = input.summary.split('\n').filter((line) => line.trim() !== '');
  return {
    template: 'daily-digest',
    subject,
    text: [
      `Hi ${input.name}, here is the digest of ${input.workspaceName} for ${input.date}.`,
      '',
      input.summary,
      '',
      `Open the digest: ${input.digestUrl}`,
      `Stop these emails: ${input.preferencesUrl}`,
      '',
    ].join('\n'),
    html: layout(subject, [`Hi ${input.name},`, ...lines, `Stop these emails: ${input.preferencesUrl}`], {
      url: input.digestUrl,
      label: 'Open the digest',
    }),
  };
}
