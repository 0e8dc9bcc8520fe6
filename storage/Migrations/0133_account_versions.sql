-- An account's version, as stores, cameras and SKUs have theirs: moved by every change of its name, role, scope or status
-- (not by a password change, which is the person's own), so an edit sent against the version read — the account's page,
-- PUT /api/accounts/{username} with If-Match — is refused instead of overwriting another admin's change made meanwhile.
ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
