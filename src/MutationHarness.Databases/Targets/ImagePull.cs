namespace MutationHarness.Databases.Targets;

/// <summary>When a container target pulls its image (<c>--pull</c>).</summary>
public enum ImagePull
{
    /// <summary>Pull only when the engine does not have the image (the default).</summary>
    Missing,

    /// <summary>Never pull: use what the engine has (the official image, else the local build).</summary>
    Never,

    /// <summary>Pull every time; a failed pull fails the target.</summary>
    Always,
}
