using SmartStore.Models;

namespace SmartStore.Web.Pages;

/// <summary>The view fault codes the pages name (UiText keys <c>fault.{code}</c>).</summary>
public static class ViewFaultWords
{
    public static readonly IReadOnlyList<string> Codes = [.. Enum.GetValues<ViewFault>().Select(f => f.ToCode())];
}
