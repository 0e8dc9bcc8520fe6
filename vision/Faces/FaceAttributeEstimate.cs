namespace SmartStore.Vision.Faces;

public enum AgeBand { Unknown, Under18, From18To29, From30To44, From45To59, Over60 }

public enum Gender { Unknown, Female, Male }

/// <summary>Age band and gender of one face, or Unknown: reports count Unknown separately rather than guess.</summary>
public sealed record FaceAttributeEstimate(AgeBand AgeBand, Gender Gender, float Confidence, string Source)
{
    public static FaceAttributeEstimate Unknown(string why) => new(AgeBand.Unknown, Gender.Unknown, 0f, why);
    public bool IsKnown => AgeBand != AgeBand.Unknown || Gender != Gender.Unknown;
}
