namespace SmartStore.Vision.People;

/// <summary>Greedy non-maximum suppression, highest score first.</summary>
public static class BoxSuppression
{
    public static void Apply(List<PersonBox> boxes, float iouThreshold)
    {
        if (boxes.Count < 2) return;
        boxes.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = 0;
        for (int i = 0; i < boxes.Count; i++)
        {
            var candidate = boxes[i];
            var suppressed = false;
            for (int k = 0; k < kept && !suppressed; k++) suppressed = boxes[k].IoU(candidate) > iouThreshold;
            if (!suppressed) boxes[kept++] = candidate;
        }
        boxes.RemoveRange(kept, boxes.Count - kept);
    }
}
