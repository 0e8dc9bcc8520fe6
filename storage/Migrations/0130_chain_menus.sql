-- 菜单管理 and 图标管理: head office decides, per role, which menu entries show and in what order, and which icon each
-- entry carries. The entries themselves are the product's pages (code); a row exists only where head office changed
-- the default, so a new page added later appears for every role until someone hides it.
CREATE TABLE menu_roles (
    role text NOT NULL,
    entry text NOT NULL,
    shown boolean NOT NULL,
    position int NOT NULL CHECK (position BETWEEN 1 AND 99),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL,
    PRIMARY KEY (role, entry)
);

CREATE TABLE menu_icons (
    entry text PRIMARY KEY,
    icon text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL
);
