namespace SmartStore.Vision.People;

/// <summary>The person detectors shipped in ../shared/models (see each PROVENANCE.md).</summary>
public enum PersonModel { RtmDetNano, NanoDetM, NanoDetPlusM, YoloxNano }
