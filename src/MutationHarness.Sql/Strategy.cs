namespace MutationHarness.Sql;

/// <summary>The 18 PINOLO mutation strategies; the member name is the strategy's name.</summary>
internal enum Strategy
{
    FixMDistinctU,
    FixMDistinctL,
    FixMUnionAllU,
    FixMUnionAllL,
    FixMRmUnionAllL,
    FixMCmpOpU,
    FixMCmpOpL,
    FixMInNullU,
    FixMWhere1U,
    FixMWhere0L,
    FixMHaving1U,
    FixMHaving0L,
    FixMOn1U,
    FixMOn0L,
    RdMLikeU,
    RdMLikeL,
    RdMRegExpU,
    RdMRegExpL,
}
