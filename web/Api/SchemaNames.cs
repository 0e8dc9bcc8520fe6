using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using SmartStore.Storage;

namespace SmartStore.Web.Api;

/// <summary>
/// Names in the OpenAPI document for nested records whose own name says nothing on its own: the generator names a schema
/// by its type's name alone, so a client generated from the document would get an <c>Entry</c> and a <c>View</c>.
/// </summary>
public static class SchemaNames
{
    private static readonly Dictionary<Type, string> Renamed = new()
    {
        [typeof(SignInLog.Entry)] = "SignInEntry",
        [typeof(AuditDesk.Listed)] = "AuditEntry",
        [typeof(SnapshotRepository.Frame)] = "SnapshotFrame",
        [typeof(CameraIncidents.Incident)] = "CameraIncident",
        [typeof(RecognitionModelChoices.Choice)] = "RecognitionModelChoice",
        [typeof(SalesInput.Push)] = "SalesPush",
        [typeof(StorageReport.View)] = "StorageView",
        [typeof(StorageReport.Volume)] = "StorageVolume",
        [typeof(StorageReport.Growth)] = "StorageGrowth",
        [typeof(StorageFootprint.Table)] = "StorageTable",
        [typeof(StorageFootprint.Pictures)] = "StoragePictures",
        [typeof(Stream)] = "BinaryFile",
    };

    public static string? Of(JsonTypeInfo type) =>
        Renamed.TryGetValue(type.Type, out var name) ? name : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
}
