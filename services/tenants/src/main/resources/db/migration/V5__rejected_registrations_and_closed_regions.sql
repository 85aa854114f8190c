-- A pending registration the platform rejects is kept, with who rejected it, when and why; it never
-- becomes a tenant. The identifiers it claimed (GSS code, email domains, first admin) are moved to
-- rejected_* columns, so that the genuine body can still register with them and the record stays whole.
alter table authority add column rejected_at timestamptz;
alter table authority add column rejected_by text;
alter table authority add column rejected_reason text;
alter table authority add column rejected_gss_code text;
alter table authority add column rejected_email_domains text[];
alter table authority add column rejected_first_admin_email text;

-- A region is closed by the platform, or when a region admin of every member authority has agreed.
-- Closing keeps its memberships and everything shared with it as history; nothing new joins or is shared.
alter table region add column closed_on date;
alter table region add column closed_at timestamptz;
alter table region add column closed_by text;
alter table region add column closed_reason text;

-- Each member authority's agreement to close, by one of its region admins. Kept after the region closes.
create table region_closure_agreement (
    region_id    uuid        not null references region (id),
    authority_id uuid        not null references authority (id),
    agreed_by    text        not null,
    agreed_at    timestamptz not null,
    reason       text        not null,
    primary key (region_id, authority_id)
);
