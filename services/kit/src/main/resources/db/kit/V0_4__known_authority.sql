-- The authorities registered on the platform, as this service learnt them from AuthorityRegistered.
-- Public reference data (names, kinds, codes): no tenant owns it, every signed-in user may see it.
create table known_authority (
    id            uuid primary key,
    name          text        not null,
    kind          text        not null,
    gss_code      text,
    registered_at timestamptz not null
);
