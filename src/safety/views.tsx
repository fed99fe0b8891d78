/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Safety pages: a member's page (flag, pause, propose removal), the flag form used on posts and messages, and the log.
import type { ViewCtx } from '../web/layout.tsx';
import { formatDate, formatDateTime, Notice } from '../web/parts.tsx';
import type { MessageKey } from '../web/i18n/index.ts';
import type { PostView } from '../exchange/index.ts';
import type { LogLine, MemberProfile, PauseState } from './queries.ts';
import type { MemberPolicy } from './policy.ts';
import { REASONS } from './schema.ts';

function ReasonSelect({ v, id }: { v: ViewCtx; id: string }) {
  return (
    <>
      <label for={id}>{v.t('safety.reason')}</label>{' '}
      <select id={id} name="reason" required>
        {REASONS.map((r) => (
          <option value={r}>{v.t(`safety.reason.${r}`)}</option>
        ))}
      </select>
    </>
  );
}

/** A small "Flag" disclosure: works without JavaScript. */
export function FlagForm({ v, action, label, id }: { v: ViewCtx; action: string; label: MessageKey; id: string }) {
  return (
    <details class="flag">
      <summary>{v.t(label)}</summary>
      <form method="post" action={action}>
        <p class="hint">{v.t('safety.flagHint')}</p>
        <ReasonSelect v={v} id={id} /> <button type="submit">{v.t('safety.flagSubmit')}</button>
      </form>
    </details>
  );
}

type MemberPageProps = {
  v: ViewCtx;
  profile: MemberProfile;
  posts: PostView[];
  pause: PauseState;
  can: MemberPolicy;
  done?: string | undefined;
};

export function MemberPage({ v, profile, posts, pause, can, done }: MemberPageProps) {
  const { t } = v;
  return (
    <>
      <h1>{profile.name}</h1>
      {done ? <Notice kind="success">{t(`safety.done.${done}` as MessageKey)}</Notice> : null}
      <p class="by">{t('member.joined', { date: formatDate(v, profile.joinedAt) })}</p>
      {profile.removed ? <p>{t('member.removed')}</p> : null}
      {pause.active ? (
        <Notice kind="warning">
          {pause.removal?.seconded
            ? t('safety.pausedUntilDecided')
            : t('safety.pausedUntil', { when: formatDateTime(v, pause.active.endsAt) })}
        </Notice>
      ) : null}
      {pause.removal ? (
        <p>
          <a href={`/decisions/${pause.removal.id}`}>{t('safety.removalOpen')}</a>
        </p>
      ) : null}
      <h2>{t('member.openPosts')}</h2>
      {posts.length === 0 ? <p>{t('member.noOpenPosts')}</p> : null}
      <ul class="plain">
        {posts.map((p) => (
          <li>
            <a href={`/posts/${p.id}`}>{p.what}</a>
          </li>
        ))}
      </ul>
      {can.flag || can.askPause || can.confirmPause || can.openRemoval || can.secondRemoval ? (
        <section aria-labelledby="safety-title" class="safety">
          <h2 id="safety-title">{t('safety.title')}</h2>
          <p>{t('safety.intro')}</p>
          {can.flag ? (
            <FlagForm v={v} action={`/members/${profile.id}/flag`} label="safety.flagMember" id="flag-member-reason" />
          ) : null}
          {can.confirmPause && pause.asked ? (
            <form method="post" action={`/members/${profile.id}/pause/confirm`}>
              <p>
                {t('safety.pauseAsked', {
                  name: pause.asked.askedByName ?? '?',
                  reason: t(`safety.reason.${pause.asked.reason}`),
                })}
              </p>
              <button type="submit">{t('safety.confirmPause')}</button>
            </form>
          ) : null}
          {can.askPause ? (
            <details>
              <summary>{t('safety.askPause')}</summary>
              <form method="post" action={`/members/${profile.id}/pause`}>
                <p class="hint">{t('safety.askPauseHint')}</p>
                <ReasonSelect v={v} id="pause-reason" /> <button type="submit">{t('safety.askPauseSubmit')}</button>
              </form>
            </details>
          ) : null}
          {can.secondRemoval ? (
            <form method="post" action={`/members/${profile.id}/removal/second`}>
              <p class="hint">{t('safety.secondRemovalHint')}</p>
              <button type="submit">{t('safety.secondRemoval')}</button>
            </form>
          ) : null}
          {can.openRemoval ? (
            <details>
              <summary>{t('safety.proposeRemoval')}</summary>
              <form method="post" action={`/members/${profile.id}/removal`}>
                <p class="hint">{t('safety.proposeRemovalHint')}</p>
                <ReasonSelect v={v} id="removal-reason" />
                <div class="field">
                  <label for="note">{t('safety.removalNote')}</label>
                  <textarea id="note" name="note" rows={3} maxlength={2000}></textarea>
                </div>
                <button type="submit">{t('safety.proposeRemovalSubmit')}</button>
              </form>
            </details>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function SafetyLogPage({ v, lines }: { v: ViewCtx; lines: LogLine[] }) {
  const { t } = v;
  return (
    <>
      <h1>{t('safety.logTitle')}</h1>
      <p>{t('safety.logIntro')}</p>
      {lines.length === 0 ? <p>{t('safety.logEmpty')}</p> : null}
      <ol class="cards compact">
        {lines.map((l) => (
          <li class="card">
            <p>
              {t(`safety.act.${l.act}`, { actors: l.actorNames.join(', '), member: l.memberName ?? '' })}
              {l.reason ? <> ({t(`safety.reason.${l.reason}`)})</> : null}
              {l.proposalId ? (
                <>
                  {' '}
                  · <a href={`/decisions/${l.proposalId}`}>{t('safety.seeDecision')}</a>
                </>
              ) : null}
              {l.postId && !l.proposalId ? (
                <>
                  {' '}
                  · <a href={`/posts/${l.postId}`}>{t('proposal.seePost')}</a>
                </>
              ) : null}
            </p>
            <p class="by">
              <time datetime={l.at.toISOString()}>{formatDateTime(v, l.at)}</time>
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
