using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SmartStore.Silo.Ingest;

namespace SmartStore.Integration.Tests;

/// <summary>
/// The silo's HTTP upload endpoint when storing fails: the database not answering is a 503 to send again, anything else a
/// 500 with a sentence (a bare 500 before). The answer as the endpoint writes it, on a request of its own.
/// </summary>
public sealed class IngestFailureAnswerTests
{
    [Fact]
    public async Task The_database_not_answering_is_a_503_to_send_the_picture_again()
    {
        var (status, retryAfter, body) = await Answer(new Npgsql.NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)));
        Assert.Equal((503, "10"), (status, retryAfter));
        Assert.Contains("the picture was not kept. Send it again", body);
    }

    [Fact]
    public async Task Anything_else_is_a_500_that_says_so()
    {
        var (status, retryAfter, body) = await Answer(new InvalidOperationException("a bug"));
        Assert.Equal((500, ""), (status, retryAfter));
        Assert.Contains("could not be stored", body);
        Assert.DoesNotContain("a bug", body);
    }

    private static async Task<(int Status, string RetryAfter, string Body)> Answer(Exception failure)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Request.Path = "/api/ingest/CAM-S0001-E1";
        context.Response.Body = new MemoryStream();
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = failure, Path = context.Request.Path });
        await IngestFailureAnswer.Write(context);
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(),
            Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
