using SmartStore.GrainInterfaces;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Enrols a staff member from a full-body photo (API and store page): the silo's recognition finds the people in it,
/// the largest one's appearance is kept, and the store grain re-reads its staff.
/// </summary>
public sealed class StaffEnrolment(StaffRoster roster, IClusterClient cluster)
{
    public const string NoPerson = "No person was found in the photo; send a full-body photo of the staff member.";

    /// <summary>The new staff id, or null when the photo shows no person.</summary>
    public async Task<long?> Enrol(string store, string name, byte[] jpeg, string actor)
    {
        var found = await cluster.GetGrain<IRecognitionGrain>(IRecognitionGrain.Key).FindPeople(jpeg, withAppearance: true);
        var main = found.People.OrderByDescending(p => (p.X2 - p.X1) * (p.Y2 - p.Y1)).FirstOrDefault();
        if (main?.Appearance is not { } appearance) return null;
        var id = await roster.Enrol(store, name, jpeg, appearance, actor);
        await cluster.GetGrain<IStoreGrain>(store).StaffChanged();
        return id;
    }
}
