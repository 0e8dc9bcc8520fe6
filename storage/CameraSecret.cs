using System.Security.Cryptography;
using System.Text;

namespace SmartStore.Storage;

/// <summary>
/// Random secrets for cameras and API keys. They carry 128+ bits of entropy, so a single SHA-256
/// is a sound hash (a slow password hash buys nothing here and would cost every heartbeat).
/// </summary>
public static class CameraSecret
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate(int length = 24)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash.Trim()));
}
