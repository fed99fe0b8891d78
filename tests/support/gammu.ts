// A real gammu-smsd on gammu's own dummy device: a modem made of files. A text "reaches the modem" when its file lands
// in the dummy phone's inbox folder (sms/1), in gammu's smsbackup format; gammu-smsd reads it from the phone, as from a
// USB modem, and writes it into its files spool; what Kropotkin puts in the spool's outbox, gammu-smsd sends on the
// phone and moves to sent/. Under CI a missing gammu-smsd fails (.ci/run installs it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromUtf16 } from '../../src/texts/gateway.ts';

export const gammuMissing = spawnSync('gammu-smsd', ['--version']).error !== undefined;
if (gammuMissing && process.env.CI) throw new Error('gammu-smsd is missing: .ci/run installs it');

export type Modem = {
  spool: string;
  /** A text from this number reaches the modem. */
  deliver: (from: string, text: string) => void;
  /** What gammu-smsd sent from the modem, oldest first. */
  sent: () => { to: string; text: string }[];
  stop: () => Promise<void>;
};

const hex16 = (s: string) =>
  [...s]
    .flatMap((ch) => {
      const code = ch.codePointAt(0)!;
      return code > 0xffff ? [...String.fromCodePoint(code)].map((u) => u.charCodeAt(0)) : [code];
    })
    .map((u) => u.toString(16).padStart(4, '0').toUpperCase())
    .join('');

function backup(from: string, text: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return [
    '[SMSBackup000]',
    'SMSC = "+123456"',
    'PDU = Deliver',
    `DateTime = ${stamp}Z`,
    'State = UnRead',
    `Number = "${from}"`,
    'Name = ""',
    `Text00 = ${hex16(text)}`,
    'Coding = Unicode_No_Compression',
    'Folder = 1',
    `Length = ${text.length}`,
    'Class = -1',
    '',
  ].join('\n');
}

export async function startModem(): Promise<Modem> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-gammu-'));
  const phone = path.join(root, 'phone');
  const spool = path.join(root, 'spool');
  for (const d of ['inbox', 'outbox', 'sent', 'error']) fs.mkdirSync(path.join(spool, d), { recursive: true });
  fs.mkdirSync(path.join(phone, 'sms', '1'), { recursive: true });
  const rc = path.join(root, 'smsdrc');
  fs.writeFileSync(
    rc,
    [
      '[gammu]',
      'model = dummy',
      'connection = none',
      `device = ${phone}`,
      '',
      '[smsd]',
      'service = files',
      `inboxpath = ${spool}/inbox/`,
      `outboxpath = ${spool}/outbox/`,
      `sentsmspath = ${spool}/sent/`,
      `errorsmspath = ${spool}/error/`,
      'inboxformat = unicode',
      'outboxformat = unicode',
      'transmitformat = auto',
      'commtimeout = 1',
      'receivefrequency = 1',
      'statusfrequency = 0',
      'loopsleep = 1',
      'checksecurity = 0',
      'checkbattery = 0',
      'checksignal = 0',
      `logfile = ${root}/smsd.log`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('gammu-smsd', ['-c', rc], { stdio: 'ignore' });
  let location = 0;
  // Wait until gammu-smsd has opened the phone.
  for (let i = 0; i < 100 && !fs.existsSync(path.join(phone, 'operations.log')); i++)
    await new Promise((r) => setTimeout(r, 50));
  return {
    spool,
    deliver(from, text) {
      const file = path.join(phone, `.incoming-${++location}`);
      fs.writeFileSync(file, backup(from, text, new Date()));
      fs.renameSync(file, path.join(phone, 'sms', '1', String(location)));
    },
    sent() {
      const dir = path.join(spool, 'sent');
      return fs
        .readdirSync(dir)
        .sort()
        .map((name) => ({ to: name.split('_')[3]!, text: fromUtf16(fs.readFileSync(path.join(dir, name))) }));
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
