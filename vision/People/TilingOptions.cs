namespace SmartStore.Vision.People;

/// <summary>
/// Split the frame into Columns x Rows overlapping tiles, each run at the detector's input size, so distant
/// people get more pixels. Overlap is a share of the tile size; it must exceed a typical person's width so a
/// person cut at one tile's edge is seen whole by its neighbour. IncludeWholeFrame adds a full-frame pass for
/// people too large for any single tile.
/// </summary>
public sealed record TilingOptions(int Columns = 2, int Rows = 2, float Overlap = 0.25f, bool IncludeWholeFrame = true);
