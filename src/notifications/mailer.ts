// Mail through SMTP (nodemailer) when SMTP_URL is set; otherwise mail is printed on the server's console so a host
// can try everything on a laptop.
import nodemailer from 'nodemailer';

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send(mail: Mail): Promise<void>; kind: 'smtp' | 'console' };

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export function consoleMailer(print: (line: string) => void = (l) => console.log(l)): Mailer {
  return {
    kind: 'console',
    async send(mail) {
      print(`\n--- mail (no SMTP_URL set, so it is shown here) ---\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n---\n`);
    },
  };
}
