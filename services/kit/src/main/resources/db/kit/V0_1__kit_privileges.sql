-- The service connects as ${app_role}, a role that owns nothing, so row-level security applies to it.
-- Tables are created by the owner (this migration's user); the application role gets data access only.
grant usage on schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
revoke create on schema public from public;
