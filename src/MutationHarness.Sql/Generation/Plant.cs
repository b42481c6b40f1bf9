namespace MutationHarness.Sql.Generation;

/// <summary>The kind of site a training seed is steered to hold: one per strategy (both strategies of a condition
/// family share one).</summary>
internal enum PlantKind
{
    Distinct,
    NoDistinct,
    Union,
    UnionAll,
    UnionAllPair,
    GrowingComparison,
    ShrinkingComparison,
    InList,
    Where,
    Having,
    On,
    LikeWiden,
    LikeNarrow,
    RegExpWiden,
    RegExpNarrow,
}

/// <summary>The site a seed must hold, carried down the builder to the one place that makes it.</summary>
internal sealed class Plant(PlantKind kind)
{
    public PlantKind Kind => kind;

    /// <summary>A condition made in a WHERE, HAVING or ON (a comparison, an IN list, a LIKE or REGEXP).</summary>
    public bool IsCondition => kind is PlantKind.GrowingComparison or PlantKind.ShrinkingComparison or PlantKind.InList
        or PlantKind.LikeWiden or PlantKind.LikeNarrow or PlantKind.RegExpWiden or PlantKind.RegExpNarrow;

    /// <summary>A set operator or a two-SELECT list.</summary>
    public bool IsSetOperation => kind is PlantKind.Union or PlantKind.UnionAll or PlantKind.UnionAllPair;

    /// <summary>Something a SELECT itself carries: its DISTINCT (or none), its WHERE, its HAVING.</summary>
    public bool IsSelectPart => kind is PlantKind.Distinct or PlantKind.NoDistinct or PlantKind.Where or PlantKind.Having;

    /// <summary>The plant for a strategy's sites, or null for a strategy the generator has no steering for.</summary>
    public static Plant? For(string strategy) => strategy switch
    {
        "FixMDistinctU" => new(PlantKind.Distinct),
        "FixMDistinctL" => new(PlantKind.NoDistinct),
        "FixMUnionAllU" => new(PlantKind.Union),
        "FixMUnionAllL" => new(PlantKind.UnionAll),
        "FixMRmUnionAllL" => new(PlantKind.UnionAllPair),
        "FixMCmpOpU" => new(PlantKind.GrowingComparison),
        "FixMCmpOpL" => new(PlantKind.ShrinkingComparison),
        "FixMInNullU" => new(PlantKind.InList),
        "FixMWhere1U" or "FixMWhere0L" => new(PlantKind.Where),
        "FixMHaving1U" or "FixMHaving0L" => new(PlantKind.Having),
        "FixMOn1U" or "FixMOn0L" => new(PlantKind.On),
        "RdMLikeU" => new(PlantKind.LikeWiden),
        "RdMLikeL" => new(PlantKind.LikeNarrow),
        "RdMRegExpU" => new(PlantKind.RegExpWiden),
        "RdMRegExpL" => new(PlantKind.RegExpNarrow),
        _ => null,
    };
}

/// <summary>One column a query part can read: its qualified reference and whether it holds strings.</summary>
internal readonly record struct ScopeColumn(string Ref, bool IsString);
