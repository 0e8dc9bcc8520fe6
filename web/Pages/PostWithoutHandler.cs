using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SmartStore.Web.Pages;

/// <summary>
/// A form sent to a page that has no handler for it (no <c>OnPost</c>, or a <c>?handler=</c> it does not know) is a bad
/// request: Razor Pages would otherwise render the page without running its <c>OnGet</c>, and the page failed on the
/// model it never loaded — a 500 for a stale or crafted form.
/// </summary>
public sealed class PostWithoutHandler : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }
}
