// Mail through SMTP (nodemailer) when SMTP_URL is set. Otherwise, on a laptop (PUBLIC_URL not https) mail is printed
// on the console so a host can try everything; on a real deployment it is not sent and the log says only that, since
// logs are kept and an address or a sign-in link does not belong in them.
import type { Transporter } from 'nodemailer';

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void>; kind: 'smtp' | 'console' };

export function smtpMailer(url: string, from: string): Mailer {
  // nodemailer is loaded with the first mail, not at start (fewer modules for every process, the CLI's too).
  let transport: Promise<Transporter> | undefined;
  return {
    kind: 'smtp',
    async send(mail) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(url));
      await (await transport).sendMail({ from, ...mail });
    },
  };
}

export function consoleMailer(
  print: (line: string) => void = (l) => console.log(l),
  opts: { show: boolean } = { show: true },
): Mailer {
  return {
    kind: 'console',
    async send(mail) {
      if (!opts.show) {
        print('A mail to a member was not sent: set SMTP_URL to send mail (see docs/HOSTING.md).');
        return;
      }
      print(
        `\n--- mail (no SMTP_URL set, so it is shown here) ---\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n---\n`,
      );
    },
  };
}

/** Mail is shown on the console only where nobody real is using the server: PUBLIC_URL is not https. */
export const showsMailOnConsole = (publicUrl: string) => !publicUrl.startsWith('https:');
