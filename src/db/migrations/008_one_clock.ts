// One clock: the database tells time by the app's clock. Every default and trigger that wrote now() calls app_now(),
// which reads the time the app set for this connection (src/db/clock.ts) and falls back to the server's own.
export const name = '008_one_clock';

export const up = `
create function app_now() returns timestamptz language sql stable as $$
  select coalesce(nullif(current_setting('kropotkin.now', true), '')::timestamptz, now())
$$;

do $$
declare
  c record;
begin
  for c in select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and column_default = 'now()' and table_name <> 'schema_migrations'
  loop
    execute format('alter table %I alter column %I set default app_now()', c.table_name, c.column_name);
  end loop;
end $$;

create or replace function match_holds_need() returns trigger language plpgsql as $$
declare
  found_post posts%rowtype;
begin
  if tg_op = 'INSERT' then
    if new.need_id is not null then
      update posts set status = 'matched', updated_at = app_now()
        where id = new.need_id and kind = 'need' and status = 'open' returning * into found_post;
      if not found then
        raise exception 'need % is not open', new.need_id using errcode = 'KR002';
      end if;
      if found_post.member_id <> new.asker_id or found_post.member_id = new.helper_id then
        raise exception 'a match joins the member who asked and another member' using errcode = 'KR003';
      end if;
    else
      select * into found_post from posts where id = new.offer_id and kind = 'offer' and status = 'open' for update;
      if not found then
        raise exception 'offer % is not open', new.offer_id using errcode = 'KR002';
      end if;
      if found_post.member_id <> new.helper_id or found_post.member_id = new.asker_id then
        raise exception 'a match joins the member who offered and another member' using errcode = 'KR003';
      end if;
    end if;
    return new;
  end if;
  if old.status <> 'active' and new.status is distinct from old.status then
    raise exception 'a match that has ended stays ended' using errcode = 'KR004';
  end if;
  if new.need_id is not null and new.status <> old.status then
    update posts set status = case new.status when 'met' then 'met' else 'open' end,
      updated_at = coalesce(new.ended_at, app_now()), closed_at = case new.status when 'met' then coalesce(new.ended_at, app_now()) else null end
      where id = new.need_id and status = 'matched';
  end if;
  return new;
end $$;
`;
