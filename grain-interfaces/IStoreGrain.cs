using SmartStore.Models;

namespace SmartStore.GrainInterfaces;

/// <summary>One store, keyed by its code (e.g. <c>S0001</c>). Keeps the live status of its cameras.</summary>
public interface IStoreGrain : IGrainWithStringKey
{
    Task CameraStatusChanged(CameraStatus status);

    /// <summary>The camera was unbound from this store (or bound elsewhere): it no longer counts here.</summary>
    Task CameraUnbound(string cameraCode);

    Task<IReadOnlyList<CameraStatus>> GetCameras();

    Task<CameraCounts> GetCameraCounts();

    /// <summary>Cameras, today's traffic and compliance together (a board of a thousand stores makes one call each).</summary>
    Task<StoreSummary> GetSummary();

    /// <summary>Crossings, passers-by or a head count seen by one of the store's cameras.</summary>
    Task RecordTraffic(TrafficObservation observation);

    /// <summary>Today's foot traffic (store-local day), live.</summary>
    Task<TrafficCounters> GetTraffic();

    /// <summary>
    /// For each store-local start (a receipt's moment, an hour of receipts) with <paramref name="length"/>, whether the store
    /// was closed by its hours throughout, give or take the grace its door's off-hours rule gives: sales then were not
    /// made by the customers the door counted.
    /// </summary>
    Task<bool[]> ClosedThroughout(DateTime[] fromLocal, TimeSpan length);

    /// <summary>Staff were enrolled or removed: re-read their appearances.</summary>
    Task StaffChanged();

    /// <summary>The slots one preset snapshot showed (store-level slot ids), to merge into the store's shelf snapshot.</summary>
    Task<ShelfStatus> ShelfObserved(IReadOnlyList<SlotObservation> observations);

    Task<ShelfStatus> GetShelf();

    /// <summary>A planogram of one of the store's cameras changed: re-read the plan, forget slots no longer in it.</summary>
    Task PlanChanged();

    /// <summary>
    /// The store's master data changed (time zone, opening hours, region): read it again, and have its cameras read the
    /// opening hours their offline and view checks follow.
    /// </summary>
    Task ProfileChanged();

    /// <summary>A to-do of the store was raised or done: tell those watching the store, its region and head office.</summary>
    Task TodosChanged();
}
