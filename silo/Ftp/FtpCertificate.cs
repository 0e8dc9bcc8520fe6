using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SmartStore.Silo.Ftp;

/// <summary>
/// The certificate of explicit FTPS (AUTH TLS): generated self-signed on first start into the state folder (mode 600)
/// and reused, so cameras that pin it keep working across restarts. A chain's own certificate can replace the file.
/// </summary>
public sealed class FtpCertificate(SiloSettings settings)
{
    private readonly Lazy<X509Certificate2> _certificate = new(() => LoadOrCreate(Path.Combine(settings.Home, "ftp-tls.pfx")));

    public X509Certificate2 Certificate => _certificate.Value;

    private static X509Certificate2 LoadOrCreate(string path)
    {
        if (File.Exists(path)) return X509CertificateLoader.LoadPkcs12FromFile(path, null);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=SmartStore FTP", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var pfx = created.Export(X509ContentType.Pkcs12);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Created owner-only: the private key is never readable by others, not even for a moment.
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(path, create)) file.Write(pfx);
        // Loaded back from PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(pfx, null);
    }
}
