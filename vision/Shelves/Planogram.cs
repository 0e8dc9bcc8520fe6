namespace SmartStore.Vision.Shelves;

/// <summary>
/// The slots of one PTZ preset, in the pixel coordinates of that preset's reference image. Immutable: the editing
/// helpers return a new planogram. Slot ids are unique within a preset (they may repeat across presets).
/// </summary>
public sealed record Planogram
{
    public Planogram(int referenceWidth, int referenceHeight, IReadOnlyList<ShelfSlot> slots)
    {
        if (referenceWidth <= 0 || referenceHeight <= 0) throw new ArgumentOutOfRangeException(nameof(referenceWidth), "Reference image size must be positive.");
        foreach (var s in slots)
        {
            if (string.IsNullOrWhiteSpace(s.SlotId)) throw new ArgumentException("Every slot needs an id.", nameof(slots));
            if (s.Rect.Width < 4 || s.Rect.Height < 4) throw new ArgumentException($"Slot {s.SlotId} is smaller than 4x4 px.", nameof(slots));
            if (s.Rect.ClipTo(referenceWidth, referenceHeight).Area * 2 < s.Rect.Area)
                throw new ArgumentException($"Slot {s.SlotId} lies mostly outside the {referenceWidth}x{referenceHeight} reference image.", nameof(slots));
        }
        var duplicate = slots.GroupBy(s => s.SlotId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Slot id {duplicate.Key} is used twice in one preset.", nameof(slots));
        ReferenceWidth = referenceWidth;
        ReferenceHeight = referenceHeight;
        Slots = slots.ToList();
    }

    public int ReferenceWidth { get; }
    public int ReferenceHeight { get; }
    public IReadOnlyList<ShelfSlot> Slots { get; }

    /// <summary>
    /// rows × columns equal slots over <paramref name="shelf"/> (the shelf face on the reference image), row 0 at the top,
    /// with <paramref name="gap"/> pixels left between neighbours. Ids come from <paramref name="slotId"/>(row, column),
    /// default "R{row+1}C{column+1}" with <paramref name="idPrefix"/> in front; planned SKUs from <paramref name="planned"/>.
    /// Adjust afterwards with <see cref="WithSlot"/> / <see cref="Without"/>.
    /// </summary>
    public static Planogram Grid(int referenceWidth, int referenceHeight, SlotRect shelf, int rows, int columns,
        Func<int, int, string?>? planned = null, int gap = 0, string idPrefix = "", Func<int, int, string>? slotId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        var slots = new List<ShelfSlot>(rows * columns);
        for (int r = 0; r < rows; r++)
        {
            // Edges computed from the shelf's own coordinates so rounding never accumulates across a long row.
            int y0 = shelf.Y + (int)Math.Round(r * (double)shelf.Height / rows), y1 = shelf.Y + (int)Math.Round((r + 1) * (double)shelf.Height / rows);
            for (int c = 0; c < columns; c++)
            {
                int x0 = shelf.X + (int)Math.Round(c * (double)shelf.Width / columns), x1 = shelf.X + (int)Math.Round((c + 1) * (double)shelf.Width / columns);
                var rect = new SlotRect(x0 + (c > 0 ? gap / 2 : 0), y0 + (r > 0 ? gap / 2 : 0),
                    x1 - x0 - (c > 0 ? gap / 2 : 0) - (c < columns - 1 ? gap - gap / 2 : 0),
                    y1 - y0 - (r > 0 ? gap / 2 : 0) - (r < rows - 1 ? gap - gap / 2 : 0));
                var id = slotId?.Invoke(r, c) ?? $"{idPrefix}R{r + 1}C{c + 1}";
                slots.Add(new ShelfSlot(id, planned?.Invoke(r, c), rect));
            }
        }
        return new Planogram(referenceWidth, referenceHeight, slots);
    }

    /// <summary>Adds the slot, or replaces the slot with the same id (moved, resized, re-planned).</summary>
    public Planogram WithSlot(ShelfSlot slot)
    {
        var slots = Slots.ToList();
        var at = slots.FindIndex(s => s.SlotId == slot.SlotId);
        if (at >= 0) slots[at] = slot; else slots.Add(slot);
        return new Planogram(ReferenceWidth, ReferenceHeight, slots);
    }

    public Planogram Without(string slotId) =>
        new(ReferenceWidth, ReferenceHeight, Slots.Where(s => s.SlotId != slotId).ToList());

    public ShelfSlot? Find(string slotId) => Slots.FirstOrDefault(s => s.SlotId == slotId);
}
