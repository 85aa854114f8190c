-- The rate limits' token buckets, one row per limited caller or authority, shared by every gateway
-- replica. Bucket4j's own layout: its serialized state and the time after which a row may go.
create table rate_limit_bucket (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);

-- the gateway connects as ${app_role}, which owns nothing and only reads and writes the buckets
grant usage on schema public to ${app_role};
grant select, insert, update, delete on rate_limit_bucket to ${app_role};
revoke create on schema public from public;
