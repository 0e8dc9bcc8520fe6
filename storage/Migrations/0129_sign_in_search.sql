-- 登录日志 searched by where the sign-ins came from (an address trying passwords on many accounts), newest first.
CREATE INDEX sign_ins_address ON sign_ins(address, id DESC);
