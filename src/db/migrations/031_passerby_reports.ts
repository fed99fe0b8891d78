// Places members tend: a passer-by who scans a place's sign reports what they see without an account. Such reports
// carry no one at all; the database takes at most six of them an hour for a place (KR042), so nobody can flood a
// fridge's status, and they hold only the three choices — no words from outside the network.
export const name = '031_passerby_reports';

export const up = `
alter table place_reports add column by_passerby boolean not null default false;
alter table place_reports add constraint place_reports_passerby check (not by_passerby or member_id is null);

create function place_reports_passerby_limit() returns trigger language plpgsql as $$
begin
  if new.by_passerby then
    perform pg_advisory_xact_lock(hashtext('passerby'), hashtext(new.place_id::text));
    if (select count(*) from place_reports where place_id = new.place_id and by_passerby
        and made_at > app_now() - interval '1 hour') >= 6 then
      raise exception 'enough reports from passers-by for now' using errcode = 'KR042';
    end if;
  end if;
  return new;
end $$;
create trigger place_reports_passerby before insert on place_reports for each row
  execute function place_reports_passerby_limit();
`;
