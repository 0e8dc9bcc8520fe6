-- A removed account's audit and sign-in history stay under its username: the name is not given to anyone else, or their
-- history would read as the newcomer's.
CREATE TABLE removed_usernames (
    username     varchar(60)  PRIMARY KEY,
    removed_by   varchar(100) NOT NULL,
    removed_utc  timestamptz  NOT NULL DEFAULT now()
);
