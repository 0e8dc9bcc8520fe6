using System.Net;
using System.Net.Http.Headers;
using SmartStore.Storage;

namespace SmartStore.Integration.Tests;

/// <summary>How pages travel and what a process may ask of PostgreSQL: sized for a chain of 2,000 stores and a shop's 4G.</summary>
[Collection(SystemCollection.Name)]
public sealed class PageDeliveryTests(SmartStoreSystem system)
{
    [Fact]
    public async Task Pages_carry_chinese_as_utf8_and_compress_for_a_browser_that_asks()
    {
        using var admin = await system.SignedIn("admin");
        var plain = await admin.GetStringAsync("/m");
        Assert.Contains("需要处理", plain);
        Assert.DoesNotContain("&#x", plain);

        foreach (var (encoding, url) in new[] { ("br", "/"), ("gzip", "/m"), ("gzip", "/api/stores") })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=55432;Database=smartstore;Username=smartstore", 25)]
    [InlineData("Host=127.0.0.1;Database=smartstore;Maximum Pool Size=60", 60)]
    [InlineData("Host=127.0.0.1;Database=smartstore;MaxPoolSize=8", 8)]
    public async Task Each_pool_is_bounded_unless_the_connection_string_names_its_own_size(string connectionString, int expected)
    {
        var bounded = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionBudget.Bounded(connectionString));
        Assert.Equal(expected, bounded.MaxPoolSize);
        Assert.Equal("smartstore", bounded.Database);
        await using var database = new SmartStoreDatabase(connectionString);
        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).MaxPoolSize);
    }
}
