import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '@teamflow/db/client';
import { keepDevMail } from '@teamflow/core/mail/keep-dev-mail';
import { sendEmailJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

export interface MailSettings {
  /** smtp(s)://user:pass@host:port; without it messages go to the dev outbox table. */
  smtpUrl?: string;
  from: string;
}

/**
 * email/send. With SMTP the message carries a Message-ID derived from the job id, so the rare
 * resend after a worker died mid-job is recognisably the same message (SMTP itself is
 * at-least-once); the dev outbox keeps exactly one row per job id.
 *
 * Its staged job is not claimed in a transaction: the effect is an SMTP message, which no
 * PostgreSQL transaction can take back or make atomic with the mark, so the runtime marks the row
 * done once `sendMail` returned, and a job re-added after a lost completion is the same message
 * again (same Message-ID, which receivers and our SMTP logs recognise). The dev outbox row is keyed
 * by the job id, which is the claim there: a rerun keeps nothing twice.
 */
export const sendEmailHandler = (db: Database, mail: MailSettings) => {
  let transport: Transporter | undefined;
  return register(sendEmailJob, async (payload, { job, log }) => {
    const jobId = String(job.id);
    if (!mail.smtpUrl) {
      const stored = await keepDevMail({ db }, { jobId, ...payload });
      log.info('email kept in the dev outbox', { template: payload.template, duplicate: !stored });
      return { delivered: 'dev-outbox' };
    }
    transport ??= nodemailer.createTransport(mail.smtpUrl);
    const info = await transport.sendMail({
      from: mail.from,
      to: payload.to,
      subject: payload.subject,
      text: payload.text,
      html: payload.html,
      messageId: `<${jobId}.${job.queueName}@teamflow>`,
      headers: { 'X-TeamFlow-Template': payload.template },
    });
    log.info('email sent', { template: payload.template, messageId: info.messageId });
    return { delivered: 'smtp', messageId: info.messageId };
  });
};
