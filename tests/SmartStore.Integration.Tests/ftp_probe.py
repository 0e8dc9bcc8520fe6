"""Drives the SmartStore FTP endpoint with Python's ftplib, as a real camera client would,
and prints what the server answered as one JSON object. Used by FtpIngestTests."""
import ftplib
import json
import socket
import sys
import time


def reply_code(error):
    return int(str(error)[:3])


def login(host, port, user, password, passive=True):
    ftp = ftplib.FTP()
    ftp.connect(host, port, timeout=15)
    ftp.login(user, password)
    ftp.set_pasv(passive)
    return ftp


def attempt(action):
    try:
        return int(action()[:3])
    except ftplib.all_errors as error:
        return reply_code(error)


def main():
    scenario, host, port, user, password = sys.argv[1:6]
    # A process argument cannot hold a NUL: "\\0" in the user name stands for one.
    user = user.replace("\\0", "\0")
    port = int(port)
    extra = sys.argv[6:]
    result = {}
    if scenario == "upload":
        path, name = extra
        ftp = login(host, port, user, password)
        ftp.cwd("/")
        result["mkd"] = attempt(lambda: ftp.sendcmd("MKD snapshots/2024"))
        ftp.cwd("snapshots")
        with open(path, "rb") as f:
            result["stor"] = attempt(lambda: ftp.storbinary("STOR " + name, f))
        result["size"] = attempt(lambda: ftp.sendcmd("SIZE " + name))
        result["pwd"] = ftp.pwd()
        ftp.quit()
    elif scenario == "tls":
        # Explicit FTPS as ftplib does it: AUTH TLS, login inside TLS, PROT P, then a protected data connection.
        import ssl
        path, name = extra
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        ftp = ftplib.FTP_TLS(context=context)
        ftp.connect(host, port, timeout=15)
        result["auth"] = attempt(lambda: ftp.auth())
        result["login"] = attempt(lambda: ftp.login(user, password))
        result["prot"] = attempt(lambda: ftp.prot_p())
        with open(path, "rb") as f:
            result["stor"] = attempt(lambda: ftp.storbinary("STOR " + name, f))
        result["cipher"] = ftp.sock.cipher()[1]
        ftp.quit()
    elif scenario == "login":
        ftp = ftplib.FTP()
        ftp.connect(host, port, timeout=15)
        result["login"] = attempt(lambda: ftp.login(user, password))
        ftp.close()
    elif scenario == "lockout":
        codes = []
        for _ in range(int(extra[0])):
            ftp = ftplib.FTP()
            ftp.connect(host, port, timeout=15)
            try:
                ftp.login(user, password)
                codes.append(230)
            except ftplib.all_errors as error:
                codes.append(reply_code(error))
            finally:
                ftp.close()
        result["codes"] = codes
    elif scenario == "refusals":
        path = extra[0]
        ftp = login(host, port, user, password)
        result["dele"] = attempt(lambda: ftp.sendcmd("DELE x.jpg"))
        result["rnfr"] = attempt(lambda: ftp.sendcmd("RNFR x.jpg"))
        result["port"] = attempt(lambda: ftp.sendcmd("PORT 127,0,0,1,4,1"))
        result["stru_r"] = attempt(lambda: ftp.sendcmd("STRU R"))
        result["mode_b"] = attempt(lambda: ftp.sendcmd("MODE B"))
        result["unknown"] = attempt(lambda: ftp.sendcmd("XYZZY"))
        result["cwd_up"] = attempt(lambda: ftp.cwd("../../etc"))
        result["overlong"] = attempt(lambda: ftp.sendcmd("NOOP " + "x" * 5000))
        result["noop_after"] = attempt(lambda: ftp.sendcmd("NOOP"))
        with open(path, "rb") as f:
            result["appe"] = attempt(lambda: ftp.storbinary("APPE a.jpg", f))
        for key, name in (("stor_up", "../escape.jpg"), ("stor_abs", "/etc/passwd"), ("stor_nul", "a\0b.jpg"), ("stor_backslash", "..\\x.jpg")):
            with open(path, "rb") as f:
                result[key] = attempt(lambda: ftp.storbinary("STOR " + name, f))
        result["epsv_stor_without_pasv"] = attempt(lambda: ftp.sendcmd("STOR nopasv.jpg"))
        ftp.quit()
    elif scenario == "idle":
        ftp = ftplib.FTP()
        ftp.connect(host, port, timeout=30)
        time.sleep(float(extra[0]))
        try:
            result["after_idle"] = int(ftp.getline()[:3])
        except (EOFError, OSError):
            result["after_idle"] = 0
    elif scenario == "vanish":
        # Open a STOR, send part of the file, then drop both connections without a word.
        path = extra[0]
        ftp = login(host, port, user, password)
        sock = ftp.transfercmd("STOR vanished.jpg")
        with open(path, "rb") as f:
            data = f.read()
        sock.sendall(data[: len(data) // 3])
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock.close()
        ftp.sock.close()
        result["vanished"] = True
    print(json.dumps(result))


if __name__ == "__main__":
    main()
