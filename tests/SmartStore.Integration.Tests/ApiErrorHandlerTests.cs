using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SmartStore.Web.Api;

namespace SmartStore.Integration.Tests;

/// <summary>
/// What a caller is told when a request fails on the server's side: the silo or the database not answering is worth sending again (503
/// with Retry-After), anything unforeseen is a 500; the API gets problem+json, a page is left for the status page to word.
/// The handler with ASP.NET Core's own problem writer, no host around it.
/// </summary>
public sealed class ApiErrorHandlerTests
{
    [Theory]
    [InlineData("silo gone")]
    [InlineData("gateway busy")]
    [InlineData("call timed out")]
    public async Task The_silo_not_answering_is_a_503_to_send_again(string what)
    {
        Exception failure = what switch
        {
            "silo gone" => new SiloUnavailableException("The target silo became unavailable"),
            "gateway busy" => new GatewayTooBusyException(),
            _ => new TimeoutException("Response did not arrive on time"),
        };
        var (status, retryAfter, body) = await Handle(failure);
        Assert.Equal((503, "10"), (status, retryAfter));
        Assert.Contains("not answering", body);
    }

    [Fact]
    public async Task The_database_not_answering_is_a_503_to_send_again_and_its_refusal_of_a_statement_a_500()
    {
        var (status, retryAfter, body) = await Handle(new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:55432",
            new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));
        Assert.Equal((503, "10"), (status, retryAfter));
        Assert.Contains("database is not answering", body);
        Assert.Equal(500, (await Handle(new Npgsql.NpgsqlException("a statement the server refused"))).Status);
    }

    [Fact]
    public async Task Anything_unforeseen_is_a_500_without_a_time_to_retry()
    {
        var (status, retryAfter, body) = await Handle(new InvalidOperationException("a bug"));
        Assert.Equal((500, ""), (status, retryAfter));
        Assert.DoesNotContain("a bug", body);
    }

    [Fact]
    public async Task A_page_is_left_bodiless_for_the_status_page_to_answer()
    {
        var (status, retryAfter, body) = await Handle(new SiloUnavailableException(), "/stores/S0001");
        Assert.Equal((503, "10", ""), (status, retryAfter, body));
    }

    private static async Task<(int Status, string RetryAfter, string Body)> Handle(Exception failure, string path = "/api/stores/S0001/receipts")
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        context.Request.Path = path;
        context.Request.Headers.Accept = "application/json";
        var handler = new ApiErrorHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ApiErrorHandler>.Instance);
        Assert.True(await handler.TryHandleAsync(context, failure, CancellationToken.None));
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(),
            Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
