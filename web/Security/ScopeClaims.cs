using System.Security.Claims;
using SmartStore.Models;

namespace SmartStore.Web.Security;

/// <summary>Claims that carry a user's or API key's role and scope, and the way back to an <see cref="AccessScope"/>.</summary>
public static class ScopeClaims
{
    public const string Region = "smartstore:region";
    public const string Store = "smartstore:store";
    public const string DisplayName = "smartstore:display";

    public static IEnumerable<Claim> For(string name, string displayName, AccessScope scope)
    {
        yield return new Claim(ClaimTypes.Name, name);
        yield return new Claim(DisplayName, displayName);
        yield return new Claim(ClaimTypes.Role, scope.Role.ToCode());
        foreach (var r in scope.RegionCodes) yield return new Claim(Region, r);
        foreach (var s in scope.StoreCodes) yield return new Claim(Store, s);
    }

    public static AccessScope Scope(this ClaimsPrincipal user)
    {
        RoleCodes.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role);
        if (!user.Identity?.IsAuthenticated ?? true) role = Role.StoreManager; // no claims: sees nothing
        return new AccessScope(role,
            user.FindAll(Region).Select(c => c.Value).ToArray(),
            user.FindAll(Store).Select(c => c.Value).ToArray());
    }

    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
