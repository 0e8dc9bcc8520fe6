-- Accounts managed from the back office. A disabled account cannot sign in; every change of password, role, scope or
-- status bumps its stamp, which signed-in sessions are checked against, so a change takes effect without waiting for the
-- cookie to expire. The last sign-in tells head office which accounts are still used.
ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN stamp integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN last_sign_in timestamptz;
