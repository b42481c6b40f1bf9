namespace MutationHarness.Core.Results;

/// <summary>Which result must contain the other, as multisets of rows.</summary>
public enum ExpectedRelation
{
    /// <summary>An upper mutation: R(original) ⊆ R(mutant).</summary>
    MutantContainsOriginal,

    /// <summary>A lower mutation: R(mutant) ⊆ R(original).</summary>
    OriginalContainsMutant,
}

/// <summary>Conversions between the recorded <c>isUpper</c> flag and the relation.</summary>
public static class ExpectedRelations
{
    /// <summary>The relation an <c>isUpper</c> value stands for.</summary>
    public static ExpectedRelation FromIsUpper(bool isUpper) =>
        isUpper ? ExpectedRelation.MutantContainsOriginal : ExpectedRelation.OriginalContainsMutant;

    /// <summary>The relation written the way a reader checks it.</summary>
    public static string Describe(this ExpectedRelation relation) => relation switch
    {
        ExpectedRelation.MutantContainsOriginal => "R(original) ⊆ R(mutant)",
        _ => "R(mutant) ⊆ R(original)",
    };

    /// <summary>The short name used in reports.</summary>
    public static string Name(this ExpectedRelation relation) => relation switch
    {
        ExpectedRelation.MutantContainsOriginal => "superset",
        _ => "subset",
    };
}
